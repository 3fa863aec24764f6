"""Passage vectors, computed once: stored in the database by model and content hash.

Every worker and machine shares the rows, so a passage is embedded once after its text
changes, by whichever process builds an index first (one process at a time, through a lock in
the shared cache), never in a request. Vectors are stored as float16 (768 bytes a passage).
"""

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager

import numpy
from django.core.cache import cache

from portal.models import PassageVector

from . import embedding

BATCH = 16  # passages embedded per call, then stored: an interrupted build keeps its work
LOOKUP_CHUNK = 500  # digests asked for by name; more, and every row is read
MEMO_SIZE = 2048  # vectors this process computed, kept in case their row is rolled back
TURN_KEY = "search:embedding-turn"
TURN_WAIT_SECONDS = 300

_memo: OrderedDict[str, numpy.ndarray] = OrderedDict()
_memo_lock = threading.Lock()


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def stored(digests) -> dict[str, numpy.ndarray]:
    """The stored vectors (float32) of those `digests` that have one."""
    wanted = set(digests)
    if not wanted:
        return {}
    # One query however many: by digest for a few, else every row of the model (the table
    # holds little else once pruned), so a build's queries do not grow with the content.
    rows = PassageVector.objects.filter(model=embedding.MODEL_NAME)
    if len(wanted) <= LOOKUP_CHUNK:
        rows = rows.filter(digest__in=sorted(wanted))
    return {
        key: _from_bytes(value)
        for key, value in rows.values_list("digest", "vector")
        if key in wanted
    }


def store(vectors: dict[str, numpy.ndarray]) -> None:
    PassageVector.objects.bulk_create(
        [
            PassageVector(model=embedding.MODEL_NAME, digest=key, vector=_to_bytes(vector))
            for key, vector in vectors.items()
        ],
        ignore_conflicts=True,  # another process stored the same passage first
    )


def passage_vectors(
    texts: dict[str, str], *, known=None, embed_missing: bool = True
) -> dict[str, numpy.ndarray]:
    """A vector for each text, keyed by its digest: from `known` (the previous index), this
    process's memo, the database, and the model for the rest (stored at once); without
    `embed_missing`, those are left out."""
    known = known or {}
    found = {key: known[key] for key in texts if key in known}
    found.update(stored(key for key in texts if key not in found))
    missing = [key for key in texts if key not in found]
    if missing and embed_missing:
        with _memo_lock:  # computed here before, but the row is gone (a rollback, a prune)
            again = {key: _memo[_memo_key(key)] for key in missing if _memo_key(key) in _memo}
        if again:
            store(again)
            found.update(again)
            missing = [key for key in missing if key not in found]
    if missing and embed_missing:
        with _embedding_turn():
            found.update(stored(missing))  # embedded meanwhile by the process that had the turn
            missing = [key for key in missing if key not in found]
            for start in range(0, len(missing), BATCH):
                batch = missing[start : start + BATCH]
                rows = embedding.embed([texts[key] for key in batch], kind="passage")
                # Rounded as stored, so every process ranks with the same numbers.
                computed = {
                    key: _from_bytes(_to_bytes(row)) for key, row in zip(batch, rows, strict=True)
                }
                store(computed)
                _remember(computed)
                found.update(computed)
    return found


def _memo_key(key: str) -> str:
    return f"{embedding.MODEL_NAME}:{key}"


def _remember(vectors: dict[str, numpy.ndarray]) -> None:
    with _memo_lock:
        _memo.update((_memo_key(key), vector) for key, vector in vectors.items())
        while len(_memo) > MEMO_SIZE:
            _memo.popitem(last=False)


def _to_bytes(vector: numpy.ndarray) -> bytes:
    return numpy.asarray(vector, dtype="<f2").tobytes()


def _from_bytes(value) -> numpy.ndarray:
    return numpy.frombuffer(bytes(value), dtype="<f2").astype(numpy.float32)


@contextmanager
def _embedding_turn():
    """One process embeds at a time, so that workers rebuilding after the same save do not
    all embed the same passages; the others wait, then read what it stored."""
    token = secrets.token_hex(8)
    deadline = time.monotonic() + TURN_WAIT_SECONDS
    try:
        while not cache.add(TURN_KEY, token, TURN_WAIT_SECONDS) and time.monotonic() < deadline:
            time.sleep(0.5)
    except Exception:  # noqa: S110 (no shared cache: embed without waiting)
        pass
    try:
        yield
    finally:
        try:
            if cache.get(TURN_KEY) == token:
                cache.delete(TURN_KEY)
        except Exception:  # noqa: S110
            pass


def export_file(path, digests) -> int:
    """Write the stored vectors of `digests` to an .npz file (the seed ships one)."""
    found = stored(digests)
    keys = sorted(found)
    numpy.savez_compressed(
        path,
        model=numpy.array(embedding.MODEL_NAME),
        digests=numpy.array(keys, dtype="S64"),
        vectors=numpy.array([found[key] for key in keys], dtype="<f2").reshape(
            -1, embedding.DIMENSIONS
        ),
    )
    return len(keys)


def import_file(path) -> int:
    """Store the vectors of an .npz file written by `export_file`, if made by our model."""
    with numpy.load(path) as data:
        if str(data["model"]) != embedding.MODEL_NAME:
            return 0
        vectors = {
            key.decode(): vector.astype(numpy.float32)
            for key, vector in zip(data["digests"], data["vectors"], strict=True)
        }
    store(vectors)
    return len(vectors)


def prune(keep) -> int:
    """Delete the vectors no passage uses any more (and every other model's)."""
    keep = set(keep)
    unused = [
        pk
        for pk, key, model in PassageVector.objects.values_list("pk", "digest", "model")
        if model != embedding.MODEL_NAME or key not in keep
    ]
    for start in range(0, len(unused), LOOKUP_CHUNK):
        PassageVector.objects.filter(pk__in=unused[start : start + LOOKUP_CHUNK]).delete()
    return len(unused)
