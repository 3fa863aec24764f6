"""Content apps register what they contribute, as they register sitemaps.

An app calls `register(SearchSource(...))` in its `search.py` module, which PortalConfig
autodiscovers; `portal` never imports a content app.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .documents import SearchDocument


@dataclass(frozen=True)
class SearchSource:
    kind: str  # "scheme", "event", "organisation", "notice", "answer"
    label: str  # the facet's name (lazy translation)
    documents: Callable[[], Iterable[SearchDocument]]  # published items only
    in_site_search: bool = True  # curated answers are for the assistant only


_sources: dict[str, SearchSource] = {}
_synonym_providers: list[Callable[[], Iterable[Iterable[str]]]] = []
_phrase_providers: list[Callable[[], Iterable[tuple[str, str]]]] = []
_derived: dict[str, Callable] = {}


def register(source: SearchSource) -> None:
    _sources[source.kind] = source


def register_synonyms(provider: Callable[[], Iterable[Iterable[str]]]) -> None:
    """`provider` returns groups of terms that mean the same (trade fair, exhibition)."""
    if provider not in _synonym_providers:
        _synonym_providers.append(provider)


def register_phrases(provider: Callable[[], Iterable[tuple[str, str]]]) -> None:
    """`provider` returns (as visitors write it, read as) pairs: ("有冇", "有沒有")."""
    if provider not in _phrase_providers:
        _phrase_providers.append(provider)


def sources() -> list[SearchSource]:
    return list(_sources.values())


def synonym_groups() -> list[list[str]]:
    return [list(group) for provider in _synonym_providers for group in provider()]


def phrase_pairs() -> list[tuple[str, str]]:
    return [pair for provider in _phrase_providers for pair in provider()]


def register_derived(name: str, compute: Callable) -> None:
    """`compute(index)` is worked out once per index, while it is built (not in a request),
    and kept in `index.derived[name]`: e.g. every telephone number the pages publish."""
    _derived[name] = compute


def derived_values(index) -> dict:
    return {name: compute(index) for name, compute in _derived.items()}
