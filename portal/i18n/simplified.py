"""Serving Simplified pages: the current overrides and a cache of converted pages.

A converted page is cached under a hash of its Traditional rendering and of the overrides, in
process and, when REDIS_URL is set, in the shared cache, so /sc/ costs about what /tc/ does.
"""

import hashlib
from collections import OrderedDict
from threading import Lock

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection

from portal.models import ConversionOverride

from .conversion import Converter, convert_html

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
SHARED_CACHE_SECONDS = 60 * 60 * 24


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


def overrides_fingerprint() -> tuple:
    """Changes whenever an override is added, edited or deleted.

    Runs on every /sc/ request, so it is one small query written out: the ORM's compilation
    of the same aggregate costs more than the query.
    """
    table = connection.ops.quote_name(ConversionOverride._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*), MAX(updated_at) FROM {table}")  # noqa: S608
        return tuple(cursor.fetchone())


def current_converter() -> Converter:
    """The converter with the overrides as they are now, seen by every worker at once.

    Without a database (say, on the 500 page of an outage) plain hk2s still converts.
    """
    try:
        fingerprint = overrides_fingerprint()
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


def simplified_page(traditional: str, content_type: str) -> str:
    """The Simplified version of a rendered Traditional page, from cache when possible."""
    converter = current_converter()
    digest = hashlib.sha256(traditional.encode())
    digest.update(repr(converter.overrides).encode())
    key = f"sc-page:{digest.hexdigest()}"
    page = local_pages.get(key)
    if page is None and settings.REDIS_URL:
        page = cache.get(key)
        if page is not None:
            local_pages.set(key, page)
    if page is None:
        if content_type.startswith(("text/calendar", "text/plain")):
            page = converter.convert(traditional)
        else:
            page = convert_html(traditional, converter)
        local_pages.set(key, page)
        if settings.REDIS_URL:
            cache.set(key, page, SHARED_CACHE_SECONDS)
    return page
