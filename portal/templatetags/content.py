import re
from html import unescape

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from portal.i18n.content import fallback_language
from portal.richtext import sanitize_html
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
