"""The lexical and the dense ranking fused by their scores.

Reciprocal rank fusion (k = 60), the usual start, throws BM25's margins away: a page that has
every word of the question and one that has a third of them become neighbours. On our
evaluation sets (not the held-out parts) it lost to BM25 alone, while scores fused this way
gained on both (README, "Measured"). A document only dense retrieval found must come close to
the best similarity, or near-misses of every question would fill the list.
"""

from dataclasses import dataclass, field

import numpy

from .documents import SearchDocument

DENSE_WEIGHT = 0.35
DENSE_SPAN = 0.1  # similarities this far below the best one raise a score no more
DENSE_ONLY_SHARE = 0.1
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
    dense_ranks = _dense_ranks(similarity)
    best_similarity = max((similarity[p] for p in dense_ranks), default=-1.0)
    floor = max(DENSE_ONLY_FLOOR, best_similarity - DENSE_ONLY_MARGIN)
    lexical_best = max((value[0] for value in lexical.values()), default=0.0) or 1.0
    hits = []
    for position in sorted(lexical.keys() | dense_ranks.keys()):
        close = position in dense_ranks and similarity[position] >= floor
        if position not in lexical and not close:
            continue
        # BM25 as a share of the best (a document only dense retrieval found counts as a tenth
        # of it), raised by up to DENSE_WEIGHT for a similarity near the best one.
        share = lexical[position][0] / lexical_best if position in lexical else DENSE_ONLY_SHARE
        closeness = 0.0
        if position in dense_ranks:
            closeness = (similarity[position] - best_similarity + DENSE_SPAN) / DENSE_SPAN
        score = share * (1 + DENSE_WEIGHT * min(1.0, max(0.0, closeness)))
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
