"""Dense retrieval: every document cut into passages (a scheme section, a part of a long
notice, an event, a curated answer and its other phrasings), each a unit vector; a document
scores as its best passage, and the assistant quotes from that passage. Vectors come from the
database (portal.search.vectors), never from a request."""

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy

from portal.i18n import languages

from . import embedding
from .documents import SearchDocument
from .vectors import digest, passage_vectors

# A follow-up question leans on the one before: its vector counts this much beside the new one.
CONTEXT_WEIGHT = 0.5
PART_CHARACTERS = 500  # a long text is embedded in parts of about this length, at sentence ends
SENTENCE_END = re.compile(r"(?<=[.!?。！？；;])\s*")
KEYWORDS = "keywords"  # a curated answer's other phrasings, embedded as one more passage
# Questions asked again (popular ones, a follow-up's previous question) skip the model.
QUERY_CACHE_SIZE = 512
SIMILARITY_BLOCK_ROWS = 2048  # rows turned to float32 at a time (3 MB)


class QueryVectors:
    """A small LRU cache of query vectors, shared by the threads of a process."""

    def __init__(self, size: int = QUERY_CACHE_SIZE):
        self.size = size
        self.vectors: OrderedDict[str, numpy.ndarray] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, texts: list[str]) -> list[numpy.ndarray]:
        with self.lock:
            found = {text: self.vectors[text] for text in texts if text in self.vectors}
            for text in found:
                self.vectors.move_to_end(text)
        missing = [text for text in dict.fromkeys(texts) if text not in found]
        if missing:
            for text, vector in zip(missing, embedding.embed(missing, kind="query"), strict=True):
                vector = vector.copy()
                vector.setflags(write=False)
                found[text] = vector
            with self.lock:
                for text in missing:
                    self.vectors[text] = found[text]
                while len(self.vectors) > self.size:
                    self.vectors.popitem(last=False)
        return [found[text] for text in texts]

    def clear(self) -> None:
        with self.lock:
            self.vectors.clear()


query_vectors = QueryVectors()


@dataclass(frozen=True)
class Passage:
    code: str  # the language code of the text, or KEYWORDS
    start: int  # where the part begins and ends in the document's text
    end: int


def _parts(text: str):
    start, end = 0, 0
    for match in SENTENCE_END.finditer(text):
        if match.end() - start > PART_CHARACTERS and end > start:
            yield start, end
            start = end
        end = match.end()
    yield start, len(text)


def passages(document: SearchDocument) -> list[Passage]:
    found = [
        Passage(code, start, end)
        for code in languages.STORED_CODES
        if document.title.get(code) or document.text.get(code)
        for start, end in _parts(document.text.get(code, ""))
    ]
    if document.kind == "answer" and document.keywords:
        found.append(Passage(KEYWORDS, 0, len(document.keywords)))
    return found


def passage_text(document: SearchDocument, passage: Passage) -> str:
    """What is embedded: the title, then the part (cut where the model's cost would grow)."""
    if passage.code == KEYWORDS:
        return document.keywords[: embedding.MAX_CHARACTERS]
    part = document.text.get(passage.code, "")[passage.start : passage.end]
    return f"{document.title.get(passage.code, '')}\n{part}".strip()[: embedding.MAX_CHARACTERS]


def passage_texts(document: SearchDocument) -> list[str]:
    return [passage_text(document, passage) for passage in passages(document)]


class DenseIndex:
    def __init__(self, documents, rows: list, matrix: numpy.ndarray, digests: list):
        self.documents = documents
        self.rows = rows  # (document position, Passage), grouped by document
        # One unit row per passage, float16: the vectors are stored so (vectors.py), so this
        # loses nothing and halves the largest part of the index.
        self.matrix = matrix.astype(numpy.float16, copy=False)
        self.digests = digests
        owners = numpy.array([position for position, _ in rows], dtype=numpy.int32)
        self.starts = numpy.flatnonzero(numpy.r_[True, owners[1:] != owners[:-1]])
        self.with_rows = owners[self.starts] if len(owners) else owners
        self.first_row = dict(zip(self.with_rows.tolist(), self.starts.tolist(), strict=True))
        self.ends = numpy.r_[self.starts[1:], len(rows)].astype(int).tolist()
        self.missing = numpy.zeros(len(rows), dtype=bool)  # passages without their vector yet
        self.complete = True

    @classmethod
    def build(cls, documents, *, previous=None, embed_missing=True) -> "DenseIndex":
        """Vectors of unchanged passages come from `previous` (the index in use), the rest
        from the database, or are embedded and stored; without `embed_missing` a passage
        without a stored vector is left out (a zero row) and `complete` is False."""
        rows = [
            (position, part) for position, doc in enumerate(documents) for part in passages(doc)
        ]
        texts = [passage_text(documents[position], part) for position, part in rows]
        digests = [digest(text) for text in texts]
        found = passage_vectors(
            dict(zip(digests, texts, strict=True)),
            known=previous.by_digest() if previous else None,
            embed_missing=embed_missing,
        )
        matrix = numpy.zeros((len(rows), embedding.DIMENSIONS), dtype=numpy.float16)
        for row, key in enumerate(digests):
            if key in found:
                matrix[row] = found[key]
        index = cls(documents, rows, matrix, digests)
        index.missing = numpy.array([key not in found for key in digests], dtype=bool)
        index.complete = not index.missing.any()
        return index

    def by_digest(self) -> dict:
        return {
            key: self.matrix[row] for row, key in enumerate(self.digests) if not self.missing[row]
        }

    @staticmethod
    def query_vector(query: str, context: str = "") -> numpy.ndarray:
        if not context:
            return query_vectors.get([query])[0]
        own, previous = query_vectors.get([query, context])
        combined = own + CONTEXT_WEIGHT * previous
        return combined / numpy.linalg.norm(combined)

    def row_similarities(self, vector: numpy.ndarray) -> numpy.ndarray:
        """Each passage's similarity, computed in float32 a block of rows at a time: the
        figures of a float32 matrix, without a float32 copy of it all for each question."""
        per_row = numpy.empty(len(self.matrix), dtype=numpy.result_type(numpy.float32, vector))
        for start in range(0, len(self.matrix), SIMILARITY_BLOCK_ROWS):
            block = self.matrix[start : start + SIMILARITY_BLOCK_ROWS].astype(numpy.float32)
            per_row[start : start + SIMILARITY_BLOCK_ROWS] = block @ vector
        if not self.complete:  # a passage without its vector yet is not ranked
            per_row[self.missing] = -1.0
        return per_row

    def similarities(self, per_row: numpy.ndarray) -> numpy.ndarray:
        """Each document's best passage (-1 for a document without any)."""
        scores = numpy.full(len(self.documents), -1.0, dtype=numpy.float32)
        if len(self.rows):
            scores[self.with_rows] = numpy.maximum.reduceat(per_row, self.starts)
        return scores

    def best_part(self, position: int, per_row: numpy.ndarray, code: str) -> str:
        """The text of the document's passage in language `code` closest to the question."""
        first = self.first_row.get(position)
        if first is None:
            return ""
        end = self.ends[self.starts.searchsorted(first)]
        candidates = [row for row in range(first, end) if self.rows[row][1].code == code]
        if not candidates:
            return ""
        part = self.rows[max(candidates, key=lambda row: per_row[row])][1]
        return self.documents[position].text.get(code, "")[part.start : part.end]
