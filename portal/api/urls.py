"""/api/v1/: ninja's URL patterns, each view wrapped for what HTTP clients and caches expect."""

import functools
import hashlib
import re

from django.http import HttpResponse
from django.urls import URLPattern

from portal.middleware import READ_ONLY
from portal.pagecache.generation import generation_now
from portal.pagecache.middleware import make_public

from .paths import API_ROOT
from .site import api, operation_parameters

ALLOW = ", ".join(READ_ONLY)


def read_only(view, parameters: tuple[str, ...]):
    """GET and HEAD answer the same; OPTIONS says what is allowed; a 200 may be kept by a CDN
    as pages are, with an ETag that names the content generation."""

    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return HttpResponse(status=204, headers={"Allow": ALLOW})
        method = request.method
        request.method = "GET"  # ninja routes HEAD nowhere; the server drops the body
        try:
            response = view(request, *args, **kwargs)
        finally:
            request.method = method
        if response.status_code == 200 and not response.streaming:
            if not response.has_header("ETag"):  # the downloads name their own digest
                digest = hashlib.sha256(response.content).hexdigest()[:20]
                response["ETag"] = f'"{(generation_now() or "none")[:8]}-{digest}"'
            make_public(response)
        return response

    answer.allowed_methods = READ_ONLY  # other methods get a 405 problem (portal.middleware)
    answer.cache_query_parameters = parameters  # the page cache keeps these variants
    return answer


def _template(route: str) -> str:
    """A Django route as the OpenAPI path: "schemes/<slug>/" is "/api/v1/schemes/{slug}/"."""
    return API_ROOT + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def api_patterns() -> list[URLPattern]:
    patterns, _app_name, _namespace = api.urls
    parameters = operation_parameters(api.get_openapi_schema(path_prefix=API_ROOT))
    for pattern in patterns:
        route = _template(str(pattern.pattern))
        pattern.callback = read_only(pattern.callback, parameters.get(route, ()))
    return patterns


app_name = "api"  # ninja reverses its own routes under this namespace
urlpatterns = api_patterns()
