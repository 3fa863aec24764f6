"""A per-address limit on API requests, counted by the site's one rate limit (portal.ratelimit)
in the shared cache for all workers."""

import time

from django.conf import settings

from portal.ratelimit import rate_limited

from .paths import is_api_path
from .problems import problem_response

WINDOW_SECONDS = 60


class ApiRateLimitMiddleware:
    """Before the page cache: a request answered from it counts too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_api_path(request.path_info) and rate_limited(
            request, scope="api", limit=settings.API_REQUESTS_PER_MINUTE, seconds=WINDOW_SECONDS
        ):
            # The count eases from the turn of the minute on.
            retry_after = int(WINDOW_SECONDS - time.time() % WINDOW_SECONDS) + 1
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
