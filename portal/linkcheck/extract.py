"""The outside links in an item and its parts: URL fields and links in rich text, in both
languages. Links to the site itself (SITE_URL's host), e-mail and telephone links are not
outside links."""

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.db import models

from portal.changes import diff_fields
from portal.publishing.snapshots import Snapshot
from portal.richtext import RichTextField, web_address
from portal.site import site_netloc

MAX_URL_LENGTH = 2000


@dataclass(frozen=True)
class Found:
    url: str
    record: str  # "schemes.schemesection:12"
    field: str  # "body_en"


class _Hrefs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


def hrefs_in(html: str) -> list[str]:
    parser = _Hrefs()
    parser.feed(html or "")
    parser.close()
    return parser.hrefs


def outside_url(url: str) -> str:
    """`url` if it is an outside web address, else empty."""
    url = web_address(url)
    if not url or len(url) > MAX_URL_LENGTH:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if not parts.hostname or parts.netloc.lower() == site_netloc().lower():
        return ""
    return url


def _urls_in(field: models.Field, value) -> list[str]:
    if isinstance(field, RichTextField):
        return hrefs_in(value)
    if isinstance(field, models.URLField):
        return [value] if value else []
    return []


def links_in(snapshot: Snapshot) -> list[Found]:
    """Every outside link in the item and its parts, where it is, in the snapshot's order."""
    found = []
    for instance in snapshot.instances():
        where = f"{instance._meta.label_lower}:{instance.pk}"
        for field in diff_fields(type(instance)):
            for url in _urls_in(field, getattr(instance, field.attname, "")):
                if outside := outside_url(url):
                    found.append(Found(outside, where, field.name))
    return found
