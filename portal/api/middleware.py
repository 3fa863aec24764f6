"""A per-address limit on API requests, counted in the shared cache for all workers."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from portal.staff import client_address

from .paths import is_api_path
from .problems import problem_response

WINDOW_SECONDS = 60


def api_request_allowed(request) -> tuple[bool, int]:
    """(whether this request is within the limit, seconds until the count starts again)."""
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"api:rate:{address}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS * 2)
        count = 1
    retry_after = max(1, int((window + 1) * WINDOW_SECONDS - now) + 1)
    return count <= settings.API_REQUESTS_PER_MINUTE, retry_after


class ApiRateLimitMiddleware:
    """Before the page cache: a request answered from it counts too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_api_path(request.path_info):
            allowed, retry_after = api_request_allowed(request)
            if not allowed:
                return problem_response(
                    request,
                    429,
                    detail=(
                        f"More than {settings.API_REQUESTS_PER_MINUTE} requests a minute from "
                        f"this address: try again in {retry_after} seconds."
                    ),
                    headers={"Retry-After": str(retry_after)},
                )
        return self.get_response(request)
