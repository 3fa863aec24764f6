"""One index per process, rebuilt outside the request when the shared content version moves.

A request that finds the index out of date starts a background thread that builds the next one
and goes on answering from the index it has; the new index replaces it when complete. At
worker start gunicorn builds the first index before the worker accepts a request
(`gunicorn.conf.py`, `warm_up`); elsewhere (runserver, tests) the first request builds it.
Passages are embedded only by the background build (or `manage.py search_vectors --embed`):
an index built in a request ranks a passage without its vector by BM25 alone.
"""

import contextlib
import ctypes
import logging
import threading

from django.conf import settings
from django.db import connections

from . import embedding
from .dense import DenseIndex
from .freshness import content_version
from .index import SearchIndex
from .registry import derived_values, phrase_pairs, sources, synonym_groups

logger = logging.getLogger(__name__)

# Scheduled publishing opens and closes windows without a save: rebuild at least this often.
MAX_AGE_SECONDS = 300

_build_lock = threading.Lock()  # one build at a time in a process
_thread_lock = threading.Lock()
_builder: threading.Thread | None = None
_current: SearchIndex | None = None


def _outdated(index: SearchIndex | None, version) -> bool:
    return index is None or index.version != version or index.age > MAX_AGE_SECONDS


def _incomplete(index: SearchIndex) -> bool:
    """Some passages wait for their vectors (new text, or a worker just started)."""
    return index.dense is not None and not index.dense.complete


def build_index(
    *, version=None, previous: SearchIndex | None = None, embed_missing: bool = True
) -> SearchIndex:
    """Every registered document; passage vectors of `previous` are reused, missing ones are
    read from the database or embedded (only what changed since they were stored)."""
    documents = [document for source in sources() for document in source.documents()]
    if previous is not None:
        documents = _unchanged_from(previous, documents)
    dense = None
    if embedding.available():
        dense = DenseIndex.build(
            documents, previous=previous.dense if previous else None, embed_missing=embed_missing
        )
    index = SearchIndex(
        documents, synonym_groups(), version=version, dense=dense, phrases=phrase_pairs()
    )
    index.derived.update(derived_values(index))
    return index


def _unchanged_from(previous: SearchIndex, documents: list) -> list:
    """`previous`'s document in place of each identical new one: the text is held once, and in
    a gunicorn worker the pages it shares with the master (which built the first index) stay
    shared rather than copied into every worker at each change."""
    known = {(document.kind, document.path): document for document in previous.documents}
    kept = []
    for document in documents:
        old = known.get((document.kind, document.path))
        same = old is not None and old == document and old.extra == document.extra
        kept.append(old if same else document)
    return kept


def _rebuild(version, *, embed_missing: bool = True) -> SearchIndex:
    global _current
    with _build_lock:
        if _outdated(_current, version) or (embed_missing and _incomplete(_current)):
            _current = build_index(version=version, previous=_current, embed_missing=embed_missing)
            memory_release()
    return _current


def memory_release() -> None:
    """A build reads every passage vector and then drops the index before it: hand the freed
    heap back to the system, or each worker stays at its peak (about 20 MB at 10x the seed).
    glibc only; elsewhere nothing happens."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _build_in_background(version) -> None:
    try:
        _rebuild(version)
    except Exception:  # the database may be down: the old index serves, the next request retries
        logger.exception("search index build failed")
    finally:
        connections.close_all()  # this thread's own connections


def _start_background_build(version) -> None:
    global _builder
    with _thread_lock:
        if _builder is None or not _builder.is_alive():
            _builder = threading.Thread(
                target=_build_in_background, args=(version,), name="search-index", daemon=True
            )
            _builder.start()


def current_index() -> SearchIndex:
    """The index to answer from now. A request never embeds a passage, and waits for a build
    only when its worker has no index yet (or SEARCH_BACKGROUND_BUILD is off, as in tests)."""
    version = content_version()
    index = _current
    background = settings.SEARCH_BACKGROUND_BUILD
    if index is None or (not background and _outdated(index, version)):
        index = _rebuild(version, embed_missing=False)
    if background and (_outdated(index, version) or _incomplete(index)):
        _start_background_build(version)
    return index


def wait_for_background_build(timeout: float | None = None) -> None:
    """Tests and benchmarks: until the build under way (if any) has finished."""
    builder = _builder
    if builder is not None:
        builder.join(timeout)


def warm_up() -> None:
    """A new worker: build its first index and load the model before it takes a request."""
    try:  # no embedding here: gunicorn would stop a worker that takes long to start
        index = _rebuild(content_version(), embed_missing=False)
        if index.dense is not None:
            index.dense.query_vector("warm up")
    except Exception:  # the first request will try again
        logger.exception("search index warm-up failed")
    finally:
        connections.close_all()
