from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError, JsonResponse
from django.template import loader
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.generic import DetailView

from portal.i18n.context import language_context
from portal.i18n.negotiation import negotiate
from portal.models import Organisation
from portal.preview import PreviewMixin


def language_redirect(request):
    """`/` sends visitors to their language: remembered choice, then browser preference."""
    language = negotiate(
        cookie=request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME),
        accept_language=request.headers.get("Accept-Language", ""),
    )
    query = request.META.get("QUERY_STRING", "")
    response = HttpResponseRedirect(f"/{language.prefix}/" + (f"?{query}" if query else ""))
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    patch_cache_control(response, private=True, max_age=0)
    return response


@never_cache
def healthz(request):
    """The process is alive; says nothing about its dependencies."""
    return HttpResponse("ok\n", content_type="text/plain")


def readiness_problems() -> list[str]:
    problems = []
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any failure means "not ready"
        problems.append("database")
    try:
        cache.set("readyz", "ok", 5)
        if cache.get("readyz") != "ok":
            problems.append("cache")
    except Exception:
        problems.append("cache")
    return problems


@never_cache
def readyz(request):
    """Ready for traffic only when the database and the cache answer."""
    problems = readiness_problems()
    status = 503 if problems else 200
    return JsonResponse({"ready": not problems, "failing": problems}, status=status)


@requires_csrf_token
def server_error(request):
    """The 500 page, rendered without touching the database (it may be what failed)."""
    template = loader.get_template("500.html")
    try:
        context = language_context(request)
    except Exception:  # never let the error page itself fail
        context = {}
    return HttpResponseServerError(template.render(context))


class OrganisationDetailView(PreviewMixin, DetailView):
    """An administering body or organiser; the section apps add their lists in the template."""

    queryset = Organisation.objects.published()
