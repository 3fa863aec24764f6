"""Dense retrieval: every document cut into passages (a scheme section, a part of a long
notice, an event, a curated answer and its other phrasings), each a unit vector; a document
scores as its best passage, and the assistant quotes from that passage. Vectors come from the
database (portal.search.vectors), never from a request."""

import hashlib
import logging
import os
import re
import tempfile
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy
from django.conf import settings

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
# Files of passage vectors no index was built from for this long are removed (a process that
# still maps one keeps its pages: the file goes when the last one lets go).
MATRIX_FILE_SECONDS = 3600

logger = logging.getLogger(__name__)


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


def shared_matrix(matrix: numpy.ndarray, digests: list, missing: numpy.ndarray) -> numpy.ndarray:
    """`matrix` as float32, read-only, from a file in SEARCH_MATRIX_DIR named by what it holds
    (the passages, and which wait for a vector), memory-mapped: the workers of a machine that
    build the same index map the same pages, which the system holds once. The first to build
    it writes it; without the directory (or where it cannot be written), in this process."""
    matrix = numpy.ascontiguousarray(matrix, dtype=numpy.float32)
    folder = settings.SEARCH_MATRIX_DIR
    if not folder or not len(matrix):
        return matrix
    content = hashlib.sha256("\n".join([embedding.MODEL_NAME, *digests]).encode())
    content.update(numpy.packbits(missing).tobytes())
    path = Path(folder) / f"{content.hexdigest()}.npy"
    try:
        if path.exists():
            os.utime(path)  # in use: kept
        else:
            _write_whole(path, matrix)
        return numpy.load(path, mmap_mode="r")
    except (OSError, ValueError):  # a full disk, a folder we may not write
        logger.warning("passage vectors kept in memory: cannot use %s", folder, exc_info=True)
        return matrix


def _write_whole(path: Path, matrix: numpy.ndarray) -> None:
    """Written beside, then renamed: another worker maps it whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
        try:
            numpy.save(out, matrix)
        except OSError:
            os.unlink(out.name)
            raise
    os.replace(out.name, path)
    _remove_unused(path)


def _remove_unused(kept: Path) -> None:
    before = time.time() - MATRIX_FILE_SECONDS
    for path in [*kept.parent.glob("*.npy"), *kept.parent.glob("*.tmp")]:
        try:
            if path != kept and path.stat().st_mtime < before:
                path.unlink()
        except OSError:  # another worker removed it first
            pass


class DenseIndex:
    def __init__(self, documents, rows: list, matrix: numpy.ndarray, digests: list, missing=None):
        self.documents = documents
        self.rows = rows  # (document position, Passage), grouped by document
        # Passages without their vector yet.
        self.missing = numpy.zeros(len(rows), dtype=bool) if missing is None else missing
        self.complete = not self.missing.any()
        # One unit row per passage, float32 (a question is one matrix-vector product), mapped
        # from a file that every worker building the same passages shares.
        self.matrix = shared_matrix(matrix, digests, self.missing)
        self.digests = digests
        owners = numpy.array([position for position, _ in rows], dtype=numpy.int32)
        self.starts = numpy.flatnonzero(numpy.r_[True, owners[1:] != owners[:-1]])
        self.with_rows = owners[self.starts] if len(owners) else owners
        self.first_row = dict(zip(self.with_rows.tolist(), self.starts.tolist(), strict=True))
        self.ends = numpy.r_[self.starts[1:], len(rows)].astype(int).tolist()

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
        matrix = numpy.zeros((len(rows), embedding.DIMENSIONS), dtype=numpy.float32)
        for row, key in enumerate(digests):
            if key in found:
                matrix[row] = found[key]
        missing = numpy.array([key not in found for key in digests], dtype=bool)
        return cls(documents, rows, matrix, digests, missing)

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
        """Each passage's similarity to the question."""
        per_row = numpy.asarray(self.matrix @ vector.astype(numpy.float32, copy=False))
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
