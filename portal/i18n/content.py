"""Which stored language a translated field shows on the current page.

English and Traditional Chinese are stored (modeltranslation); Simplified pages read the
Traditional columns. An empty field falls back to the other stored language, and the page
must then mark that text with its own `lang`.
"""

from modeltranslation.utils import build_localized_fieldname, resolution_order
from modeltranslation.utils import get_language as content_language

from . import languages
from .languages import Language


def shown_language(instance, field_name: str) -> Language | None:
    """The language of the text `instance.<field_name>` shows now, or None if all are empty."""
    for code in resolution_order(content_language()):
        value = getattr(instance, build_localized_fieldname(field_name, code), None)
        if value not in (None, ""):
            return languages.BY_CODE[code]
    return None


def fallback_language(instance, field_name: str) -> Language | None:
    """The language to mark on the field's element when it is not the page's own."""
    shown = shown_language(instance, field_name)
    return shown if shown and shown.code != content_language() else None
