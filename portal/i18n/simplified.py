"""Serving Simplified pages: the current overrides and a cache of converted pages.

A converted page is cached under a hash of its Traditional rendering and of the overrides, in
process and, when REDIS_URL is set, in the shared cache, so /sc/ costs about what /tc/ does.
Visitors choose URLs, so what they can make the shared cache hold is bounded: only pages
found (200) and requested without a query string are shared, for an hour at most, and none
over a size cap.
The shared cache fails open (portal.cache): without it pages are converted here.
"""

import hashlib
from collections import OrderedDict
from threading import Lock, local

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection

from portal.models import ConversionOverride
from portal.pagecache.memo import content_memo

from .conversion import ICAL, PLAIN, Converter, convert_html

CONVERTIBLE_TYPES = {
    "text/html",
    "application/xhtml+xml",
    "application/atom+xml",
    "application/rss+xml",
    "application/xml",
    "text/xml",
    "text/calendar",
    "text/plain",
}
LOCAL_CACHE_SIZE = 256
SHARED_CACHE_SECONDS = 60 * 60
# Larger pages (none of ours comes near) are converted again rather than stored.
MAX_CACHED_PAGE_CHARS = 512 * 1024


class _LocalCache:
    """A small thread-safe LRU of converted pages for this worker."""

    def __init__(self, size: int):
        self.size = size
        self.items: OrderedDict[str, str] = OrderedDict()
        self.lock = Lock()

    def get(self, key: str) -> str | None:
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def set(self, key: str, value: str):
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)

    def clear(self):
        with self.lock:
            self.items.clear()


local_pages = _LocalCache(LOCAL_CACHE_SIZE)
_converters: dict[tuple, Converter] = {}


@content_memo
def overrides_fingerprint() -> tuple:
    """Changes whenever an override is added, edited or deleted.

    Read again only when content changes (an override is content) or the minute turns, and
    then as one small query written out: the ORM's compilation costs more than the query.
    """
    table = connection.ops.quote_name(ConversionOverride._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*), MAX(updated_at) FROM {table}")  # noqa: S608
        return tuple(cursor.fetchone())


# The overrides' fingerprint, read once in a request: when nothing is remembered between
# requests (PAGE_CACHE_FRESH_SECONDS=0, or the shared cache is down) an API response that
# converts every field of 200 schemes would otherwise ask the database 700 times.
_request = local()


def request_scope_begin(**kwargs) -> None:
    _request.active, _request.fingerprint = True, None


def request_scope_end(**kwargs) -> None:
    _request.active, _request.fingerprint = False, None


def _fingerprint_now() -> tuple:
    if not getattr(_request, "active", False):  # a command, a thread: no request to last
        return overrides_fingerprint()
    if _request.fingerprint is None:
        _request.fingerprint = overrides_fingerprint()
    return _request.fingerprint


def current_converter() -> Converter:
    """The converter with the overrides as they are now, seen by every worker at once.

    Without a database (say, on the 500 page of an outage) plain hk2s still converts.
    """
    try:
        fingerprint = _fingerprint_now()
    except DatabaseError:
        return Converter()
    converter = _converters.get(fingerprint)
    if converter is None:
        overrides = tuple(ConversionOverride.objects.values_list("traditional", "simplified"))
        converter = Converter(overrides)
        _converters.clear()  # only the current set is worth keeping
        _converters[fingerprint] = converter
    return converter


def is_convertible(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() in CONVERTIBLE_TYPES


def simplified_page(traditional: str, content_type: str, *, shareable: bool = True) -> str:
    """The Simplified version of a rendered Traditional page, from cache when possible.

    `shareable` is false for pages a visitor can multiply (a query string, a 404 for any
    path): those stay in this worker's small LRU and never reach the shared cache.
    """
    converter = current_converter()
    digest = hashlib.sha256(traditional.encode(errors="surrogatepass"))
    digest.update(repr(converter.overrides).encode(errors="backslashreplace"))
    key = f"sc-page:{digest.hexdigest()}"
    cacheable = len(traditional) <= MAX_CACHED_PAGE_CHARS
    shared = cacheable and shareable and settings.REDIS_URL
    page = local_pages.get(key) if cacheable else None
    if page is None and shared:
        page = cache.get(key)
        if page is not None:
            local_pages.set(key, page)
    if page is None:
        page = convert_page(traditional, content_type, converter)
        if cacheable:
            local_pages.set(key, page)
        if shared:
            cache.set(key, page, SHARED_CACHE_SECONDS)
    return page


def convert_page(traditional: str, content_type: str, converter: Converter) -> str:
    """Convert a whole response body, escaping override text for the body's format."""
    if content_type.startswith("text/calendar"):
        return converter.convert(traditional, ICAL)
    if content_type.startswith("text/plain"):
        return converter.convert(traditional, PLAIN)
    return convert_html(traditional, converter)
