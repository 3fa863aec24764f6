"""What every template needs to know about the page's language."""

from dataclasses import dataclass

from django.core.exceptions import SuspiciousOperation
from django.utils.translation import get_language

from portal.site import absolute_url

from . import languages
from .languages import Language
from .urls import language_from_path, path_in_language


@dataclass(frozen=True)
class LanguageLink:
    language: Language
    url: str
    is_current: bool


def page_language(request) -> Language:
    """The language a visitor reads: from the URL prefix, not the active translation (which is
    Traditional on Simplified pages, as they are converted from it)."""
    return getattr(request, "page_language", None) or languages.by_code(get_language())


def canonical_url(request) -> str:
    """The page's own address in its own language (a /sc/ page is its own canonical), without
    the search or filters of a query, which only vary what the page lists; beyond the first
    page of a list, with its page number."""
    try:
        page = request.GET.get("page", "")
    except SuspiciousOperation:  # too many fields: the 400 page that says so names no page
        page = ""
    # Compared as text: int() refuses a number of thousands of digits with a ValueError.
    later = page.isdigit() and page.isascii() and page.lstrip("0") not in ("", "1")
    query = f"?page={page}" if later else ""
    return absolute_url(request.path + query)


def language_context(request) -> dict:
    """Context for base.html: the page language, the switcher and hreflang alternates.

    Needs no database, so the 500 page can use it too.
    """
    current = page_language(request)
    full_path = request.get_full_path()
    is_home = language_from_path(request.path) is not None and request.path.count("/") == 2
    alternates = [
        (language.html_lang, absolute_url(path_in_language(request.path, language)))
        for language in languages.ALL
    ]
    x_default = "/" if is_home else path_in_language(request.path, languages.DEFAULT)
    return {
        "page_language": current,
        "language_links": [
            LanguageLink(language, path_in_language(full_path, language), language == current)
            for language in languages.ALL
        ],
        "hreflang_alternates": alternates,
        "hreflang_x_default": absolute_url(x_default),
        "page_canonical_url": canonical_url(request),
        # Simplified pages say they are converted, and link to the Traditional original.
        "traditional_original_url": (
            path_in_language(full_path, languages.TRADITIONAL)
            if current is languages.SIMPLIFIED
            else None
        ),
    }
