"""Which requests the page cache may answer, and under which key.

A page lists the query parameters it reads (`cache_query_parameters` on its view class, or as
an attribute of a function view or feed); a request carrying any other parameter is
rendered and not stored, so visitors cannot make the cache keep endless variants of a page.
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.urls import Resolver404, resolve

from portal.i18n.urls import language_from_path
from portal.preview import PREVIEW_PARAMETER


def declared_parameters(view) -> frozenset[str]:
    declared = getattr(view, "cache_query_parameters", None)
    if declared is None:
        declared = getattr(getattr(view, "view_class", None), "cache_query_parameters", ())
    return frozenset(declared)


def is_staff_request(request) -> bool:
    """A signed-in staff session (only staff have sessions: the public site never starts one).

    The session is read, not just its cookie: a made-up `sessionid` must not make every page
    render (one indexed read instead of a whole page, and only for requests with the cookie).
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    session = getattr(request, "session", None)
    return session is not None and SESSION_KEY in session


def page_key(request) -> str | None:
    """The cache key of the page this request asks for, or None when it must be rendered.

    Pages live under /en/, /tc/ and /sc/; outside them (the admin, health checks, `/`) only
    views that declare their query parameters are kept: the open data API.
    """
    if request.method not in ("GET", "HEAD") or is_staff_request(request):
        return None
    prefixed = language_from_path(request.path_info) is not None
    query = ""
    if request.GET or not prefixed:
        if PREVIEW_PARAMETER in request.GET:
            return None
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return None
        if not prefixed and not _declares_parameters(match.func):
            return None
        if not set(request.GET) <= declared_parameters(match.func):
            return None
        pairs = sorted((name, sorted(values)) for name, values in request.GET.lists())
        query = urlencode(pairs, doseq=True)
    # Not the Host header: pages make their absolute URLs from SITE_URL, so a made-up host or
    # port would only add copies of the same page.
    url = f"{request.path}?{query}"
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


def _declares_parameters(view) -> bool:
    return hasattr(view, "cache_query_parameters") or hasattr(
        getattr(view, "view_class", None), "cache_query_parameters"
    )
