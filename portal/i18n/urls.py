"""Language-prefixed URLs: /en/, /tc/ and /sc/ instead of Django's language codes."""

from django.urls import URLResolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils.translation import get_language

from . import languages
from .languages import Language


class LanguagePrefixPattern(LocalePrefixPattern):
    """Matches and reverses the active language's prefix (`tc/` for zh-hant), or always one
    language's prefix when given one."""

    def __init__(self, language: Language | None = None):
        super().__init__()
        self.language = language

    @property
    def language_prefix(self):
        return f"{(self.language or languages.by_code(get_language())).prefix}/"


def prefixed_patterns(*urls, language: Language | None = None):
    """Like Django's i18n_patterns, with our prefixes."""
    return [URLResolver(LanguagePrefixPattern(language), list(urls))]


def language_from_path(path: str) -> Language | None:
    """The language whose prefix starts `path`, or None for unprefixed paths."""
    first, slash, _ = path.lstrip("/").partition("/")
    return languages.BY_PREFIX.get(first) if slash else None


def path_in_language(path: str, language: Language) -> str:
    """The same page in another language: every page has the same path after its prefix.

    An unprefixed path (a 404 outside the prefixes) leads to the language's home page.
    """
    current = language_from_path(path)
    rest = path.lstrip("/")[len(current.prefix) + 1 :] if current else ""
    return f"/{language.prefix}/{rest}"
