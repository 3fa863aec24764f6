"""The in-memory index: BM25 (bm25s) over every registered document, both languages at once."""

import bisect
import itertools
import time
from dataclasses import replace

import bm25s
import numpy

from portal.i18n import languages

from .documents import SearchDocument
from .fusion import SearchHit, fused  # noqa: F401 (SearchHit is imported from here)
from .query import QueryReader
from .text import counts_for_coverage, is_cjk, stem, tokens

CANDIDATES = 50  # best BM25 scores looked at closely
SYNONYM_WEIGHT = 0.3
MIN_PREFIX = 5
MAX_LONGER_FORMS = 3
CONTEXT_WEIGHT = 0.3  # the previous question's words, for a follow-up


def document_tokens(document: SearchDocument) -> list[str]:
    """Titles and keywords count twice: a question naming a page should find that page."""
    heading = " ".join([*document.title.values(), document.keywords])
    return tokens(heading) * 2 + tokens(" ".join(document.text.values()))


class SearchIndex:
    def __init__(self, documents, synonym_groups=(), *, version=None, dense=None, phrases=()):
        self.documents = list(documents)
        self.version = version
        self.dense = dense  # DenseIndex, or None: lexical only
        self.built_at = time.monotonic()
        self.derived = {}  # what callers compute once per index (published numbers, contacts)
        self.by_path = {doc.path: doc for doc in self.documents if doc.kind != "answer"}
        self.vocabulary: dict[str, int] = {}
        # One document's words at a time, kept as numbers: all the words of all documents as
        # Python strings at once would take hundreds of MB at 5,000 documents.
        ids = [
            numpy.array(
                [self.vocabulary.setdefault(word, len(self.vocabulary)) for word in words],
                dtype=numpy.int32,
            )
            for words in map(document_tokens, self.documents)
        ] or [numpy.array([self.vocabulary.setdefault("", 0)], dtype=numpy.int32)]
        self.bm25 = bm25s.BM25()
        self.bm25.index((ids, self.vocabulary), show_progress=False)
        # Which words each document has: sorted unique ids, all documents in one array (a
        # frozenset per document took seven times the memory).
        unique = [numpy.unique(words) for words in ids]
        self.term_ids = numpy.concatenate(unique) if unique else numpy.zeros(0, numpy.int32)
        self.term_offsets = numpy.cumsum([0, *(len(words) for words in unique)])
        seen = numpy.bincount(self.term_ids, minlength=len(self.vocabulary))
        count = len(ids)
        self.idf_by_id = numpy.log(1 + (count - seen + 0.5) / (seen + 0.5))
        # A word no page uses (a typo, a filler) weighs as much as an ordinary word.
        self.unknown_idf = float(self.idf_by_id.mean()) if len(self.idf_by_id) else 1.0
        self.latin_words = sorted(word for word in self.vocabulary if word and not is_cjk(word))
        self.synonym_terms = [list(group) for group in synonym_groups]  # as staff typed them
        self.synonyms = [
            [frozenset(tokens(term)) for term in group if tokens(term)]
            for group in self.synonym_terms
        ]
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

    def idf(self, term: str) -> float:
        i = self.vocabulary.get(term)
        return self.unknown_idf if i is None else float(self.idf_by_id[i])

    def weight(self, terms) -> float:
        return sum(self.idf(term) for term in terms)

    def words_of(self, position: int) -> set:
        start, end = self.term_offsets[position], self.term_offsets[position + 1]
        return set(self.term_ids[start:end].tolist())

    def search(self, query: str, *, context: str = "", kinds=None, limit: int = 10):
        """Best first: BM25 and dense retrieval fused by reciprocal rank. `context` (the
        previous question of a follow-up) counts for less than the question itself; `kinds`
        limits the document kinds. Both read the question as owners write it (colloquial
        phrases: portal/search/query.py; BM25 also forgives typos)."""
        if not self.documents or not query.strip():
            return []
        read, read_context = self.reader.read(query), self.reader.read(context)
        lexical = self.lexical(read, read_context, kinds, limit)
        if self.dense is None:
            return fused(self.documents, lexical, None)[:limit]
        # Read as owners write: the model too does better on 僱員12人 than on 得12個人.
        vector = self.dense.query_vector(read, read_context)
        per_row = self.dense.row_similarities(vector)
        similarity = self.dense.similarities(per_row)
        if kinds is not None:
            similarity = numpy.where(self.allowed(kinds), similarity, -1.0)
        hits = fused(self.documents, lexical, similarity)[:limit]
        return [replace(hit, parts=self.best_parts(hit.position, per_row)) for hit in hits]

    def best_parts(self, position: int, per_row) -> dict[str, str]:
        """Per language, the passage of the document closest to the question, to quote from."""
        return {
            code: self.dense.best_part(position, per_row, code) for code in languages.STORED_CODES
        }

    def allowed(self, kinds) -> numpy.ndarray:
        return numpy.array([document.kind in kinds for document in self.documents])

    def lexical(self, query: str, context: str, kinds, limit: int) -> dict:
        """{position: (score, coverage, terms)} of the best BM25 candidates."""
        query_terms = frozenset(tokens(query))
        if not query_terms:
            return {}
        alternatives = self.alternatives(query_terms, self.reader.typos.corrections(query))
        extra = (
            frozenset().union(*(t for terms in alternatives.values() for t in terms)) - query_terms
        )
        context_terms = frozenset(tokens(context)) - query_terms - extra
        scores = self.bm25.get_scores(sorted(query_terms))
        if extra:  # words a synonym brought in count for less
            scores = scores + SYNONYM_WEIGHT * self.bm25.get_scores(sorted(extra))
        if context_terms:  # so do the words of the question before
            scores = scores + CONTEXT_WEIGHT * self.bm25.get_scores(sorted(context_terms))
        if kinds is not None:
            scores = numpy.where(self.allowed(kinds), scores, 0.0)
        # Per counted word: its weight, id, and the ids of each synonym that may stand in for
        # it; the words of the question before count for less.
        ids = self.vocabulary.get
        checks = [
            (
                self.weight([term]) * share,
                ids(term, -1),
                [frozenset(ids(w, -1) for w in alt) for alt in alternatives.get(term, ())],
                share == 1,
            )
            for terms, share in ((query_terms, 1), (context_terms, CONTEXT_WEIGHT))
            for term in terms
            if counts_for_coverage(term)
        ]
        own_total = sum(weight for weight, *_, own in checks if own) or 1
        total = sum(weight for weight, *_ in checks) or 1
        shown = [(term, ids(term, -1)) for term in query_terms | extra]
        # A match needs a whole word, or a pair of characters: not single characters only.
        anchors = [(term, i) for term, i in shown if not is_cjk(term) or len(term) > 1]
        found_hits = {}
        wanted = max(CANDIDATES, limit)  # a finder may ask for every match, not the best 50
        best = numpy.argpartition(-scores, min(wanted, len(scores)) - 1)[:wanted]
        for position in best:
            if scores[position] <= 0:
                continue
            words = self.words_of(position)
            found = [
                (weight, own)
                for weight, i, alts, own in checks
                if i in words or any(alt <= words for alt in alts)
            ]
            own_found = sum(weight for weight, own in found if own)
            coverage = max(own_found / own_total, sum(weight for weight, _ in found) / total)
            if not any(i in words for _, i in anchors):
                coverage = 0.0  # stray characters alone are no match
            found_hits[int(position)] = (
                float(scores[position]) * (0.25 + coverage) ** 3,
                coverage,
                frozenset(term for term, i in shown if i in words),
            )
        return found_hits
