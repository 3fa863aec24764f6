"""The staff side's own response rules: never cached, and a clear page when login is locked;
and the language each staff member reads the admin in, which the staff app registers."""

from collections.abc import Callable

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

_admin_language: list[Callable] = []


def admin_language_register(function: Callable) -> None:
    """`function(user)` gives the admin language a staff member chose, or None."""
    _admin_language[:] = [function]


def admin_language_of(user) -> str:
    """The language to write to a staff member in (e-mails): the admin language they chose."""
    chosen = _admin_language[0](user) if _admin_language else None
    return chosen or settings.LANGUAGE_CODE


def is_admin_path(path: str) -> bool:
    """Whether `path` (a request's path_info) is under the admin, at ADMIN_URL."""
    return path.startswith(f"/{settings.ADMIN_URL}")


class StaffAdminMiddleware:
    """No admin page is ever stored by a browser or a proxy: it may show drafts and accounts.

    Inactivity expiry needs no code here: SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST
    pushes the expiry back on each request and ends the session after that long idle.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_admin_path(request.path_info):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


def lockout_response(request, original_response=None, credentials=None):
    """django-axes calls this once a username and address have failed too often."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request,
        "axes/lockout.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    add_never_cache_headers(response)
    return response


def client_address(request) -> str:
    """The address a sign-in came from, for login throttling.

    Behind TRUSTED_PROXY_COUNT proxies (a load balancer), REMOTE_ADDR is the nearest proxy;
    the client is the address the outermost proxy appended to X-Forwarded-For. Entries to
    its left were written by the client and cannot be trusted.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
