"""Error pages in the page's language, made without the database (it may be what failed).

Simplified error pages are converted here with plain `hk2s`: the overrides live in the
database, and the response may never pass SimplifiedConversionMiddleware.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.urls import get_urlconf, set_urlconf
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

from portal.api.paths import is_api_path
from portal.api.problems import error_problem, problem_response
from portal.i18n import languages
from portal.i18n.context import language_context
from portal.i18n.conversion import Converter, convert_html
from portal.i18n.middleware import activate_page_language
from portal.logs import LogThrottle

logger = logging.getLogger("portal.errors")
# Errors that mean "the database cannot be reached now", not "this page is broken".
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
_database_warnings = LogThrottle(60)


# What a JSON client reads instead of each error page (the page's own heading and advice).
JSON_MESSAGES = {
    400: _("The request contains characters we cannot read, such as control characters."),
    405: _("This address cannot take that request."),
    500: _("Sorry, there is a problem with the service. Please try again later."),
    503: _("The service is unavailable for a moment. Please try again in a few minutes."),
}


def wants_json(request) -> bool:
    """JSON endpoints (`….json`, anything under `/api/`) and clients asking for JSON first get
    their errors as JSON, not as an HTML page."""
    path = request.path_info
    accept = request.headers.get("Accept", "")
    return path.endswith(".json") or "/api/" in path or accept.startswith("application/json")


def error_page(request, template_name: str, status: int, context=None) -> HttpResponse:
    """Our page for `status` in the page's language; `{"error": …}` for JSON endpoints; a
    problem (RFC 9457) for the open data API."""
    if is_api_path(request.path_info):
        return error_problem(request, status, str(JSON_MESSAGES.get(status, "")))
    # The page's language for this page only; whatever was active before comes back after.
    urlconf = get_urlconf()
    with translation.override(translation.get_language()):
        activate_page_language(request)
        if wants_json(request) and status in JSON_MESSAGES:
            return JsonResponse(
                {"error": str(JSON_MESSAGES[status])},
                status=status,
                json_dumps_params={"ensure_ascii": False},
            )
        set_urlconf(getattr(request, "urlconf", None))
        try:
            page_context = {**language_context(request), **(context or {})}
        except Exception:  # never let the error page itself fail
            page_context = dict(context or {})
        try:
            body = loader.get_template(template_name).render(page_context, request)
        finally:
            set_urlconf(urlconf)
    if request.page_language is languages.SIMPLIFIED:
        body = convert_html(body, Converter())
    response = HttpResponse(body, status=status)
    response.simplified = request.page_language is languages.SIMPLIFIED
    return response


def service_unavailable(request) -> HttpResponse:
    """503: try again shortly; never stored, so a recovered site is seen at once."""
    response = error_page(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    # Our own throttled warning says it once a minute; django.request would add a line a request.
    response._has_been_logged = True
    return response


def bad_request(request) -> HttpResponse:
    """400: input no page accepts (portal.input); never stored."""
    response = error_page(request, "400_unreadable.html", 400)
    add_never_cache_headers(response)
    return response


def database_unavailable(request, error) -> HttpResponse:
    if _database_warnings.allow():
        logger.warning("Database unavailable, answering 503: %s", type(error).__name__)
    return service_unavailable(request)


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503, not 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable(request, exception)
        return None


def method_not_allowed(request, allowed: list[str]) -> HttpResponse:
    response = error_page(request, "405.html", 405)
    response["Allow"] = ", ".join(allowed)
    return response


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without a valid token (expired, or cookies blocked)."""
    response = error_page(request, "403_csrf.html", 403)
    add_never_cache_headers(response)
    return response


def page_not_found(request, exception):
    """handler404: the site's page, or a problem under /api/."""
    if is_api_path(request.path_info):
        return problem_response(request, 404, detail="There is nothing at this address.")
    return defaults.page_not_found(request, exception)


@requires_csrf_token
def server_error(request):
    """handler500; a database outage met outside a view (middleware, sessions) is a 503."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNAVAILABLE):
        return database_unavailable(request, error)
    response = error_page(request, "500.html", 500)
    add_never_cache_headers(response)
    return response
