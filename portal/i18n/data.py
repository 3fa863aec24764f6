"""Content as data in the three languages, for the open data API and its downloads.

Keyed by URL prefix (`en`, `tc`, `sc`). English and Traditional Chinese are the stored
columns, as written, without the pages' fallback to the other language (an empty text is
None); Simplified is the Traditional text converted exactly as pages are: OpenCC `hk2s` with
the staff overrides, rich text through the same HTML conversion (parts marked
`lang="zh-Hant"` or `translate="no"` stay as written).
"""

from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from portal.richtext import as_plain_text, sanitize_html
from portal.site import absolute_url

from . import languages
from .conversion import PLAIN, convert_html
from .simplified import current_converter
from .urls import path_in_language

PREFIXES = tuple(language.prefix for language in languages.ALL)


def _stored(instance, field: str, language: languages.Language) -> str | None:
    return getattr(instance, build_localized_fieldname(field, language.code)) or None


def _in_languages(english, traditional, simplify, prefixes) -> dict[str, str | None]:
    values = {"en": english, "tc": traditional}
    if "sc" in prefixes:
        values["sc"] = simplify(traditional) if traditional else None
    return {prefix: values[prefix] for prefix in prefixes}


def localised_text(instance, field: str, prefixes=PREFIXES) -> dict[str, str | None]:
    """A translated plain-text field: {"en": …, "tc": …, "sc": …} for the prefixes asked."""
    return _in_languages(
        _stored(instance, field, languages.ENGLISH),
        _stored(instance, field, languages.TRADITIONAL),
        lambda text: current_converter().convert(text, PLAIN),
        prefixes,
    )


def localised_rich_text(instance, field: str, prefixes=PREFIXES) -> dict[str, dict]:
    """A translated rich-text field as sanitised HTML and as plain text, in each language."""
    english = _stored(instance, field, languages.ENGLISH)
    traditional = _stored(instance, field, languages.TRADITIONAL)
    markup = _in_languages(
        sanitize_html(english) if english else None,
        sanitize_html(traditional) if traditional else None,
        lambda text: convert_html(text, current_converter()),
        prefixes,
    )
    return {
        "html": markup,
        "text": {
            prefix: as_plain_text(value) if value else None for prefix, value in markup.items()
        },
    }


def localised_label(label, prefixes=PREFIXES) -> dict[str, str]:
    """An interface string (a choice's label) in each language, from the message catalogue."""
    with translation.override(languages.ENGLISH.code):
        english = str(label)
    with translation.override(languages.TRADITIONAL.code):
        traditional = str(label)
    return _in_languages(
        english, traditional, lambda text: current_converter().convert(text, PLAIN), prefixes
    )


def localised_choice(choice, prefixes=PREFIXES) -> dict:
    """A coded value (a TextChoices member): its code and its label in each language."""
    return {"code": choice.value, "label": localised_label(choice.label, prefixes)}


def localised_url(path: str, prefixes=PREFIXES) -> dict[str, str]:
    """A page's absolute address in each language, from its path under any prefix."""
    return {
        prefix: absolute_url(path_in_language(path, languages.BY_PREFIX[prefix]))
        for prefix in prefixes
    }
