"""Language-prefixed URLs: /en/, /tc/ and /sc/ instead of Django's language codes."""

import functools
import re

from django.conf import settings
from django.urls import URLResolver, get_script_prefix, get_urlconf, reverse
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


SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SLUG_PLACEHOLDER = "__slug__"


def reverse_by_slug(view_name: str, slug: str) -> str:
    """`reverse(view_name, kwargs={"slug": slug})`, from the path reversed once per view,
    language and URLconf: lists link every item, and `reverse` takes some 30 µs a link."""
    if not SLUG.fullmatch(slug or ""):
        return reverse(view_name, kwargs={"slug": slug})  # as it would: quoted, or an error
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    path = _slug_path(view_name, urlconf, get_script_prefix(), get_language())
    return path.replace(SLUG_PLACEHOLDER, slug)


@functools.lru_cache(maxsize=256)
def _slug_path(view_name: str, urlconf: str, script_prefix: str, language: str | None) -> str:
    return reverse(view_name, urlconf=urlconf, kwargs={"slug": SLUG_PLACEHOLDER})
