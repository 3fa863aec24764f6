"""The in-memory index: BM25 (bm25s) over every registered document, both languages at once."""

import bisect
import itertools
import math
import time
from dataclasses import dataclass

import bm25s
import numpy

from .documents import SearchDocument
from .query import QueryReader
from .text import counts_for_coverage, is_cjk, stem, tokens

CANDIDATES = 50  # best BM25 scores looked at closely
SYNONYM_WEIGHT = 0.3
MIN_PREFIX = 5
MAX_LONGER_FORMS = 3
CONTEXT_WEIGHT = 0.3  # the previous question's words, for a follow-up


@dataclass(frozen=True)
class SearchHit:
    document: SearchDocument
    score: float
    coverage: float  # share of the question's weight (idf) found in the document, 0..1
    terms: frozenset  # the query terms the document contains, for snippets


def document_tokens(document: SearchDocument) -> list[str]:
    """Titles and keywords count twice: a question naming a page should find that page."""
    heading = " ".join([*document.title.values(), document.keywords])
    return tokens(heading) * 2 + tokens(" ".join(document.text.values()))


class SearchIndex:
    def __init__(self, documents, synonym_groups=(), *, version=None, phrases=()):
        self.documents = list(documents)
        self.version = version
        self.built_at = time.monotonic()
        self.derived = {}  # what callers compute once per index (published numbers, contacts)
        corpus = [document_tokens(document) for document in self.documents] or [[""]]
        self.by_path = {doc.path: doc for doc in self.documents if doc.kind != "answer"}
        self.vocabulary: dict[str, int] = {}
        ids = [
            [self.vocabulary.setdefault(word, len(self.vocabulary)) for word in words]
            for words in corpus
        ]
        self.bm25 = bm25s.BM25()
        self.bm25.index((ids, self.vocabulary), show_progress=False)
        self.id_sets = [frozenset(words) for words in ids]  # which words each document has
        every_set = numpy.fromiter(
            (word for words in self.id_sets for word in words), dtype=numpy.int64
        )
        seen = numpy.bincount(every_set, minlength=len(self.vocabulary))
        count = len(corpus)
        self.idf = {
            word: math.log(1 + (count - seen[i] + 0.5) / (seen[i] + 0.5))
            for word, i in self.vocabulary.items()
        }
        # A word no page uses (a typo, a filler) weighs as much as an ordinary word.
        self.unknown_idf = sum(self.idf.values()) / len(self.idf) if self.idf else 1.0
        self.latin_words = sorted(word for word in self.vocabulary if word and not is_cjk(word))
        self.synonyms = [[frozenset(tokens(term)) for term in group] for group in synonym_groups]
        self.synonyms = [[term for term in group if term] for group in self.synonyms]
        texts = (
            " ".join([*doc.title.values(), *doc.text.values(), doc.keywords])
            for doc in self.documents
        )
        self.reader = QueryReader(phrases, texts)

    @property
    def age(self) -> float:
        return time.monotonic() - self.built_at

    def longer_forms(self, word: str) -> list[str]:
        """Indexed words that start with an unknown word: "proprietor" finds "proprietorship"."""
        if len(word) < MIN_PREFIX or word in self.vocabulary or is_cjk(word):
            return []
        start = bisect.bisect_left(self.latin_words, word)
        matches = itertools.takewhile(lambda w: w.startswith(word), self.latin_words[start:])
        return list(itertools.islice(matches, MAX_LONGER_FORMS))

    def alternatives(self, query_terms: frozenset, typos=None) -> dict[str, list[frozenset]]:
        """For each query word, other words that may stand in for it: the other synonyms of a
        synonym the question uses, longer forms of a word no page uses, and the page word a
        typo is a slip for (`typos`: {typed word: page word})."""
        found: dict[str, list[frozenset]] = {
            word: [frozenset([longer]) for longer in self.longer_forms(word)]
            for word in query_terms
        }
        for typed, meant in (typos or {}).items():
            if stem(typed) in found:
                found[stem(typed)].append(frozenset([stem(meant)]))
        for group in self.synonyms:
            for term in group:
                if term <= query_terms:
                    for word in term:
                        found.setdefault(word, []).extend(other for other in group if other != term)
        return found

    def weight(self, terms) -> float:
        return sum(self.idf.get(term, self.unknown_idf) for term in terms)

    def search(
        self, query: str, *, context: str = "", kinds=None, limit: int = 10
    ) -> list[SearchHit]:
        """Best first. `context` (the previous question of a follow-up) counts for less than
        the question itself; `kinds` limits the document kinds."""
        query = self.reader.read(query)
        query_terms = frozenset(tokens(query))
        if not query_terms or not self.documents:
            return []
        alternatives = self.alternatives(query_terms, self.reader.typos.corrections(query))
        extra = (
            frozenset().union(*(t for terms in alternatives.values() for t in terms)) - query_terms
        )
        context_terms = frozenset(tokens(self.reader.read(context))) - query_terms - extra
        scores = self.bm25.get_scores(sorted(query_terms))
        if extra:  # words a synonym brought in count for less
            scores = scores + SYNONYM_WEIGHT * self.bm25.get_scores(sorted(extra))
        if context_terms:  # so do the words of the question before
            scores = scores + CONTEXT_WEIGHT * self.bm25.get_scores(sorted(context_terms))
        if kinds is not None:
            allowed = numpy.array([document.kind in kinds for document in self.documents])
            scores = numpy.where(allowed, scores, 0.0)
        counted = [term for term in query_terms if counts_for_coverage(term)]
        total = self.weight(counted) or 1
        ids = self.vocabulary.get
        # Per counted word: its id, and the ids of each synonym that may stand in for it.
        checks = [
            (
                term,
                ids(term, -1),
                [frozenset(ids(w, -1) for w in alt) for alt in alternatives.get(term, ())],
            )
            for term in counted
        ]
        shown = [(term, ids(term, -1)) for term in query_terms | extra]
        # A match needs a whole word, or a pair of characters: not single characters only.
        anchors = [(term, i) for term, i in shown if not is_cjk(term) or len(term) > 1]
        hits = []
        wanted = max(CANDIDATES, limit)  # a finder may ask for every match, not the best 50
        best = numpy.argpartition(-scores, min(wanted, len(scores)) - 1)[:wanted]
        for position in best[numpy.argsort(-scores[best], kind="stable")]:
            if scores[position] <= 0:
                break
            words = self.id_sets[position]
            found = [
                term for term, i, alts in checks if i in words or any(alt <= words for alt in alts)
            ]
            coverage = self.weight(found) / total
            if not any(i in words for _, i in anchors):
                coverage = 0.0  # stray characters alone are no match
            hits.append(
                SearchHit(
                    document=self.documents[position],
                    score=float(scores[position]) * (0.25 + coverage) ** 3,
                    coverage=coverage,
                    terms=frozenset(term for term, i in shown if i in words),
                )
            )
        hits.sort(key=lambda hit: -hit.score)
        return hits[:limit]
