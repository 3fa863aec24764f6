import re
from html import unescape

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from portal.i18n.content import fallback_language
from portal.richtext import as_plain_text, sanitize_html
from portal.richtext import web_address as safe_web_address

register = template.Library()


@register.simple_tag
def lang_attr(instance, field_name):
    """` lang="en"` when a field shows fallback text in another language, else nothing.

    Usage: <p{% lang_attr scheme "summary" %}>{{ scheme.summary }}</p>
    """
    language = fallback_language(instance, field_name)
    return format_html(' lang="{}"', language.html_lang) if language else ""


@register.filter
def web_address(url):
    """The address if it is an http(s) link, else empty: `{% if x.website|web_address %}`."""
    return safe_web_address(url)


DESCRIPTION_LENGTH = 160
# Tags inside a line of text, dropped without the space that block tags leave in their place.
INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|span|strong|sub|sup)\b[^>]*>", re.IGNORECASE)


@register.filter
def description(markup):
    """Rich text as a page's meta description: one line of plain text, cut at a word (or, in
    Chinese, a character) before 160 characters, as search results show about that many."""
    text = " ".join(as_plain_text(INLINE_TAG.sub("", str(markup or ""))).split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    cut = text[: DESCRIPTION_LENGTH - 1]
    if _in_a_word(cut[-1]) and _in_a_word(text[len(cut)]) and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _in_a_word(character: str) -> bool:
    """A letter or digit of a language written with spaces between words."""
    return character.isalnum() and character.isascii()


TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL)
CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.DOTALL)


@register.filter
def rich_text(html):
    """Rich text for a page: sanitized once more, as a last line of defence, and each table
    in its own labelled, focusable region that scrolls on narrow screens (WCAG 1.4.10)."""

    def in_scroll_region(match):
        caption = CAPTION.search(match.group())
        label = unescape(strip_tags(caption.group(1))).strip() if caption else gettext("Table")
        opening = format_html(
            '<div class="table-scroll" role="region" tabindex="0" aria-label="{}">', label
        )
        return f"{opening}{match.group()}</div>"

    return mark_safe(TABLE.sub(in_scroll_region, sanitize_html(html or "")))  # noqa: S308
