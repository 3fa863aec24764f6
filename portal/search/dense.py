"""Dense retrieval: every document's passages as unit vectors; a document scores as its best
passage. Vectors come from the database (portal.search.vectors), never from a request."""

import numpy

from portal.i18n import languages

from . import embedding
from .documents import SearchDocument
from .vectors import digest, passage_vectors

# A follow-up question leans on the one before: its vector counts this much beside the new one.
CONTEXT_WEIGHT = 0.5


def passage_texts(document: SearchDocument) -> list[str]:
    """What is embedded for a document: its title and text in each stored language, and other
    phrasings (curated answers), each cut where the model's cost would grow."""
    texts = []
    for code in languages.STORED_CODES:
        title, text = document.title.get(code, ""), document.text.get(code, "")
        texts.append(f"{title}\n{text}".strip())
    if document.kind == "answer":
        texts.append(document.keywords)
    cut = [text[: embedding.MAX_CHARACTERS] for text in texts if text]
    return list(dict.fromkeys(cut))  # untranslated fields repeat the other language


class DenseIndex:
    def __init__(self, matrix: numpy.ndarray, owners: numpy.ndarray, digests: list, count: int):
        self.matrix = matrix  # float32, one unit row per passage, grouped by document
        self.owners = owners  # the document (position) of each row
        self.digests = digests
        self.count = count  # documents
        self.starts = numpy.flatnonzero(numpy.r_[True, owners[1:] != owners[:-1]])
        self.with_rows = owners[self.starts] if len(owners) else owners

    @classmethod
    def build(cls, documents, *, previous=None) -> "DenseIndex":
        """Vectors of unchanged passages come from `previous` (the index in use), the rest
        from the database, or are embedded and stored."""
        texts, owners, digests = {}, [], []
        for position, document in enumerate(documents):
            for text in passage_texts(document):
                key = digest(text)
                texts.setdefault(key, text)
                owners.append(position)
                digests.append(key)
        found = passage_vectors(texts, known=previous.by_digest() if previous else None)
        matrix = numpy.zeros((len(digests), embedding.DIMENSIONS), dtype=numpy.float32)
        for row, key in enumerate(digests):
            matrix[row] = found[key]
        return cls(matrix, numpy.array(owners, dtype=numpy.int32), digests, len(documents))

    def by_digest(self) -> dict:
        return {key: self.matrix[row] for row, key in enumerate(self.digests)}

    @staticmethod
    def query_vector(query: str, context: str = "") -> numpy.ndarray:
        if not context:
            return embedding.embed([query], kind="query")[0]
        own, previous = embedding.embed([query, context], kind="query")
        combined = own + CONTEXT_WEIGHT * previous
        return combined / numpy.linalg.norm(combined)

    def similarities(self, vector: numpy.ndarray) -> numpy.ndarray:
        """Cosine similarity of each document's best passage to `vector` (-1 without any)."""
        scores = numpy.full(self.count, -1.0, dtype=numpy.float32)
        if len(self.owners):
            per_row = self.matrix @ vector
            scores[self.with_rows] = numpy.maximum.reduceat(per_row, self.starts)
        return scores
