"""A sitemap page's <url> elements, written in Python (escaped as templates escape).

The template loop read ten variables an entry through the template engine: 60% of the time of
a full page (450 entries, 30 ms at 10x the seed). This writes the same markup in a tenth.
"""

import datetime
from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime

from .languages import bcp47

register = template.Library()


@register.simple_tag
def sitemap_urls(urlset: list[dict]) -> str:
    """Each entry of Django's sitemap `urlset`, with its hreflang alternates."""
    return mark_safe("".join(_url(url) for url in urlset))  # noqa: S308 (escaped below)


def _url(url: dict) -> str:
    parts = [f"<url><loc>{escape(url['location'])}</loc>"]
    if url["lastmod"]:
        parts.append(f"<lastmod>{_day(url['lastmod']).isoformat()}</lastmod>")
    if url["changefreq"]:
        parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
    parts += [
        f'<xhtml:link rel="alternate" hreflang="{escape(bcp47(alternate["lang_code"]))}" '
        f'href="{escape(alternate["location"])}"/>'
        for alternate in url["alternates"]
    ]
    parts.append("</url>")
    return "".join(parts)


def _day(moment: datetime.date) -> datetime.date:
    """The day of a date, or of a date-time in the site's time zone (as the `date` filter)."""
    moment = template_localtime(moment)
    return moment.date() if isinstance(moment, datetime.datetime) else moment
