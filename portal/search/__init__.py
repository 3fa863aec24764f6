"""The site's one search engine: content apps register what they contribute (see registry).

Site search (`/<lang>/search/`) and the assistant both query `current_index()`.
"""

from .documents import SearchDocument, plain_text
from .freshness import content_changed, content_version
from .index import SearchHit, SearchIndex
from .registry import SearchSource, register, register_phrases, register_synonyms
from .store import current_index

__all__ = [
    "SearchDocument",
    "SearchHit",
    "SearchIndex",
    "SearchSource",
    "content_changed",
    "content_version",
    "current_index",
    "plain_text",
    "register",
    "register_phrases",
    "register_synonyms",
]
