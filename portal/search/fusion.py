"""Reciprocal rank fusion of the lexical and the dense ranking (Cormack et al., 2009).

Each list contributes 1 / (RRF_K + rank) to a document; a document only dense retrieval found
must come close to the best similarity, or near-misses of every question would fill the list.
"""

from dataclasses import dataclass, field

import numpy

from .documents import SearchDocument

RRF_K = 60
DENSE_CANDIDATES = 50
# A document dense retrieval alone found is kept only this close to the best similarity, and
# above a floor: multilingual-e5 puts most pairs of texts between 0.75 and 0.9, so "zzzz" or
# "pizza recipe" still come to 0.82 with some page.
DENSE_ONLY_MARGIN = 0.03
DENSE_ONLY_FLOOR = 0.85


@dataclass(frozen=True)
class SearchHit:
    document: SearchDocument
    score: float  # fused: higher is better
    coverage: float  # share of the question's weight (idf) found in the document, 0..1
    terms: frozenset  # the query terms the document contains, for snippets
    lexical: float = 0.0  # BM25 weighed by coverage; 0 when only dense retrieval found it
    similarity: float = -1.0  # cosine similarity of its best passage; -1 without vectors
    position: int = -1  # in the index's documents
    parts: dict = field(default_factory=dict, compare=False)  # {code: best passage's text}


def _dense_ranks(similarity) -> dict[int, int]:
    if similarity is None or not len(similarity):
        return {}
    count = min(DENSE_CANDIDATES, len(similarity))
    top = numpy.argpartition(-similarity, count - 1)[:count]
    ordered = top[numpy.argsort(-similarity[top], kind="stable")]
    kept = [int(position) for position in ordered if similarity[position] > -1]
    return {position: rank for rank, position in enumerate(kept)}


def fused(documents, lexical: dict, similarity) -> list[SearchHit]:
    """`lexical`: {position: (score, coverage, terms)}; `similarity`: one per document, or None."""
    lexical_order = sorted(lexical, key=lambda position: (-lexical[position][0], position))
    lexical_ranks = {position: rank for rank, position in enumerate(lexical_order)}
    dense_ranks = _dense_ranks(similarity)
    best_similarity = max((similarity[p] for p in dense_ranks), default=-1.0)
    floor = max(DENSE_ONLY_FLOOR, best_similarity - DENSE_ONLY_MARGIN)
    hits = []
    for position in lexical_ranks.keys() | dense_ranks.keys():
        close = position in dense_ranks and similarity[position] >= floor
        if position not in lexical_ranks and not close:
            continue
        score = sum(
            1 / (RRF_K + ranks[position] + 1)
            for ranks in (lexical_ranks, dense_ranks)
            if position in ranks
        )
        lexical_score, coverage, terms = lexical.get(position, (0.0, 0.0, frozenset()))
        hits.append(
            SearchHit(
                document=documents[position],
                score=score,
                coverage=coverage,
                terms=terms,
                lexical=lexical_score,
                similarity=float(similarity[position]) if similarity is not None else -1.0,
                position=position,
            )
        )
    hits.sort(key=lambda hit: (-hit.score, -hit.lexical))
    return hits
