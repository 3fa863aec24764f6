"""One index per process, rebuilt when the shared content version moves."""

import threading

from .freshness import content_version
from .index import SearchIndex
from .registry import phrase_pairs, sources, synonym_groups

# Scheduled publishing opens and closes windows without a save: rebuild at least this often.
MAX_AGE_SECONDS = 300

_lock = threading.Lock()
_current: SearchIndex | None = None


def _stale(index: SearchIndex | None, version) -> bool:
    return index is None or index.version != version or index.age > MAX_AGE_SECONDS


def build_index(*, version=None) -> SearchIndex:
    documents = [document for source in sources() for document in source.documents()]
    return SearchIndex(documents, synonym_groups(), version=version, phrases=phrase_pairs())


def current_index() -> SearchIndex:
    global _current
    version = content_version()
    if _stale(_current, version):
        with _lock:
            if _stale(_current, version):
                _current = build_index(version=version)
    return _current
