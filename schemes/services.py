"""Work on schemes with side effects."""

import html
import re

from portal.i18n.search import search_key

from .models import Scheme

TAG = re.compile(r"<[^>]*>")


def _plain_text(markup: str) -> str:
    """Sanitized HTML as text; tags become spaces so list items do not run together."""
    return html.unescape(TAG.sub(" ", markup or ""))


def _scheme_text(scheme: Scheme, code: str) -> str:
    """Name, abbreviation, summary and sections in one stored language, as plain text."""
    parts = [
        getattr(scheme, f"name_{code}"),
        scheme.abbreviation,
        getattr(scheme, f"summary_{code}"),
    ]
    for section in scheme.sections.all():
        parts.append(getattr(section, f"heading_{code}"))
        parts.append(_plain_text(getattr(section, f"body_{code}")))
    return " ".join(part for part in parts if part)


def scheme_refresh_search(*, scheme: Scheme) -> None:
    """Rebuild the scheme's search columns from its current text.

    Written with update() so a reindex does not count as an edit (updated_at, the feed).
    """
    scheme.search_en = search_key(_scheme_text(scheme, "en"))
    scheme.search_zh = search_key(_scheme_text(scheme, "zh_hant"))
    Scheme.objects.filter(pk=scheme.pk).update(
        search_en=scheme.search_en, search_zh=scheme.search_zh
    )


def scheme_reindex_all() -> int:
    """Rebuild every scheme's search columns, e.g. after loading fixtures; returns the count."""
    schemes = Scheme.objects.prefetch_related("sections")
    for scheme in schemes:
        scheme_refresh_search(scheme=scheme)
    return len(schemes)
