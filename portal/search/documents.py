"""What a content app hands the search engine: one document per page (or page section)."""

import html
import re
from dataclasses import dataclass, field

from django.utils.translation import override
from modeltranslation.utils import build_localized_fieldname

from portal.i18n import languages
from portal.i18n.urls import path_in_language

TAG = re.compile(r"<[^>]*>")


def plain_text(markup: str) -> str:
    """Sanitized HTML as text; tags become spaces so list items do not run together."""
    return " ".join(html.unescape(TAG.sub(" ", markup or "")).split())


def join_text(parts) -> str:
    """Translated fields may be None or empty: join what there is."""
    return " ".join(part for part in parts if part)


def translated(obj, field: str) -> dict[str, str]:
    """A translated field in each stored language: {"en": …, "zh-hant": …}."""
    return {
        code: getattr(obj, build_localized_fieldname(field, code)) or ""
        for code in languages.STORED_CODES
    }


def translated_text(obj, *fields: str, extra: str = "") -> dict[str, str]:
    """Translated fields (rich text made plain) joined in each stored language, then `extra`."""
    values = [translated(obj, field) for field in fields]
    return {
        code: join_text([*(plain_text(value[code]) for value in values), extra])
        for code in languages.STORED_CODES
    }


def language_free_url(obj, fragment: str = "") -> str:
    """`obj`'s address without its language prefix ("schemes/sgs/#eligibility")."""
    with override(languages.ENGLISH.code):
        url = obj.get_absolute_url()
    return url.lstrip("/").partition("/")[2] + (f"#{fragment}" if fragment else "")


@dataclass(frozen=True)
class SearchDocument:
    """Text in both stored languages ("en", "zh-hant"), keyed by Django language code."""

    kind: str
    path: str  # the address after the language prefix, e.g. "schemes/sgs/#eligibility"
    title: dict[str, str]
    text: dict[str, str]
    keywords: str = ""  # matched but never shown: abbreviations, other phrasings
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def title_in(self, language: languages.Language) -> str:
        return _in_language(self.title, language)

    def text_in(self, language: languages.Language) -> str:
        return _in_language(self.text, language)

    def url_in(self, language: languages.Language) -> str:
        return path_in_language(f"/{languages.ENGLISH.prefix}/{self.path}", language)


def _in_language(values: dict[str, str], language: languages.Language) -> str:
    """Simplified pages read the Traditional text; an empty text falls back to the other."""
    code = language.code if language.stored else languages.TRADITIONAL.code
    return values.get(code) or next((value for value in values.values() if value), "")
