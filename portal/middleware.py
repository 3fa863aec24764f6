import functools
import logging
import time

from django.utils.encoding import iri_to_uri

from portal.errors import method_not_allowed
from portal.i18n.urls import language_from_path
from portal.staff import is_admin_path

logger = logging.getLogger("portal.requests")
# URL parts that are credentials (the links in alert e-mails): never written to the log.
SECRET_URL_PARAMETERS = ("token",)


def logged_path(request) -> str:
    path = iri_to_uri(request.path)  # percent-encodes control characters
    match = getattr(request, "resolver_match", None)
    for name in SECRET_URL_PARAMETERS:
        secret = match.kwargs.get(name) if match else None
        if secret:
            path = path.replace(iri_to_uri(secret), "...")
    return path


class RequestLogMiddleware:
    """One line per request: method, path, status and duration.

    The query string and the client address are left out: they can carry personal data; so
    are tokens in the path.
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
            logged_path(request),
            response.status_code,
            duration_ms,
        )
        return response


class HeadWithoutBodyMiddleware:
    """A HEAD response carries the GET's headers (Content-Length included) and no body, so the
    server never has body bytes to drop (gunicorn logs a warning for each)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                response.streaming_content = []
            elif response.content:
                response.headers.setdefault("Content-Length", str(len(response.content)))
                response.content = b""
        return response


# Never answered, anywhere: TRACE echoes requests back, CONNECT opens tunnels.
REFUSED_METHODS = {"TRACE", "CONNECT"}
READ_ONLY = ["GET", "HEAD", "OPTIONS"]


def safe_methods_only(view):
    """A function view marked read-only, so other methods get our 405 page."""

    @functools.wraps(view)
    def read_only(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    read_only.allowed_methods = READ_ONLY
    return read_only


def allowed_methods(request, view_func) -> list[str] | None:
    """The methods a view answers; None when we cannot tell (then the view decides)."""
    view_class = getattr(view_func, "view_class", None)
    if view_class is not None:
        methods = [m.upper() for m in view_class.http_method_names if hasattr(view_class, m)]
        if "GET" in methods and "HEAD" not in methods:
            methods.insert(methods.index("GET") + 1, "HEAD")  # View.setup() adds head()
        return methods
    if hasattr(view_func, "allowed_methods"):
        return view_func.allowed_methods
    # Function views and feeds under /en/ /tc/ /sc/ are pages to read.
    return READ_ONLY if language_from_path(request.path_info) else None


class MethodNotAllowedMiddleware:
    """A method a page does not take gets 405 with Allow and our page in its language, before
    CsrfViewMiddleware could answer a POST with a 403; TRACE and CONNECT get it everywhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        method = request.method.upper()
        admin = is_admin_path(request.path_info)
        allowed = None if admin else allowed_methods(request, view_func)
        if method in REFUSED_METHODS:
            return method_not_allowed(request, [m for m in allowed or READ_ONLY if m != method])
        if allowed is not None and method not in allowed:
            return method_not_allowed(request, allowed)
        return None
