"""Whole responses for anonymous visitors, from the shared cache.

Sits inside LanguageMiddleware (which adds the visitor's language cookie afterwards) and
outside SimplifiedConversionMiddleware, so a /sc/ page is stored after conversion. A stored
page is served while its generation is current and only within the freshness window
(`fresh_window`, PAGE_CACHE_FRESH_SECONDS long) its rendering started in, so content changes
show at once and scheduled ones (publish times, an event ending, a status changing at midnight)
within that time, with what the page was built from (remembered results, fragments) counted in.
A stale copy is kept for PAGE_CACHE_STALE_SECONDS and served when the view answers 503, e.g.
while the database is down.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    patch_cache_control,
    set_response_etag,
)

from .generation import GENERATION_KEY, current_generation, fresh_window, request_generation
from .keys import page_key

# Only pages that exist: made-up paths must not fill the shared cache.
STORED_STATUSES = {200}
UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}
# Headers the key does not cover: a response that varies on anything else is not stored.
IGNORED_VARY = {"cookie", "accept-encoding"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request)
        if key is None:
            return self.uncached(request)
        started = time.time()
        found = cache.get_many([GENERATION_KEY, key])
        generation, entry = found.get(GENERATION_KEY), found.get(key)
        if generation is None:
            generation = current_generation()
        age = started - entry["stored_at"] if entry else None
        window = fresh_window(started)
        fresh = window is not None and entry and entry.get("window") == window
        if fresh and entry["generation"] == generation:
            return cached_response(entry, age, "hit")
        token = request_generation.set(generation)
        try:
            response = self.get_response(request)
        finally:
            request_generation.reset(token)
        if response.status_code == 503 and entry and age < settings.PAGE_CACHE_STALE_SECONDS:
            return cached_response(entry, age, "stale")
        if is_storable(request, response):
            make_public(response)
            store(request, key, generation, window, response)
            response["X-Page-Cache"] = "miss"
        return response

    def uncached(self, request):
        # Read the generation once for what the page keeps (content_memo, fragments), not once
        # per use: with Redis each read is a round trip. Not for a POST, which may move it.
        token = None
        if request.method in ("GET", "HEAD"):
            token = request_generation.set(current_generation())
        try:
            response = self.get_response(request)
        finally:
            if token is not None:
                request_generation.reset(token)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # Staff may see drafts and their own name: no browser or proxy keeps their pages.
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


def is_storable(request, response) -> bool:
    if request.method != "GET" or response.status_code not in STORED_STATUSES:
        return False
    if response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = cc_delim_re.split(response.get("Cache-Control", ""))
    if {directive.split("=")[0].strip().lower() for directive in control} & UNCACHEABLE_DIRECTIVES:
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", ""))}
    if vary - IGNORED_VARY - {""}:
        return False
    return len(response.content) <= settings.PAGE_CACHE_MAX_BYTES


def make_public(response) -> None:
    """A CDN may keep the page CDN_MAX_AGE seconds; browsers revalidate with the ETag."""
    patch_cache_control(
        response, public=True, max_age=0, must_revalidate=True, s_maxage=settings.CDN_MAX_AGE
    )
    if not response.has_header("ETag"):
        set_response_etag(response)


def store(request, key: str, generation: str | None, window: int | None, response) -> None:
    """Keep the page for the window its rendering started in (the one its parts were read in)."""
    if generation is None:  # the cache is not answering: nothing to keep the page fresh by
        return
    # Only the page itself keeps a stale copy for outages; a variant with a query string (a
    # search, a filter) is kept only while fresh, so visitors cannot fill the cache with them.
    lifetime = (
        settings.PAGE_CACHE_FRESH_SECONDS if request.GET else settings.PAGE_CACHE_STALE_SECONDS
    )
    entry = {
        "generation": generation,
        "window": window,
        "stored_at": time.time(),
        "status": response.status_code,
        "headers": list(response.headers.items()),
        "content": response.content,
    }
    cache.set(key, entry, lifetime)


def cached_response(entry: dict, age: float, how: str) -> HttpResponse:
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response["Age"] = str(int(age))
    response["X-Page-Cache"] = how
    return response
