import logging
import time

from django.utils.encoding import iri_to_uri

logger = logging.getLogger("portal.requests")


class RequestLogMiddleware:
    """One line per request: method, path, status and duration.

    The query string and the client address are left out: they can carry personal data.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = (time.perf_counter() - started) * 1000
        logger.info(
            "%s %s %s %.1fms",
            request.method,
            iri_to_uri(request.path),  # percent-encodes control characters
            response.status_code,
            duration_ms,
        )
        return response
