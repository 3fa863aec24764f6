from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView

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
    """Ready for traffic while pages can be served, that is while the database answers.

    Without the cache pages are still served, only slower: "degraded", 200, so a cache outage
    does not take every instance out of the load balancer at once.
    """
    problems = readiness_problems()
    if "database" in problems:
        status, state = 503, "unavailable"
    else:
        status, state = 200, "degraded" if problems else "ok"
    return JsonResponse(
        {"ready": status == 200, "status": state, "failing": problems}, status=status
    )


class OrganisationDetailView(PreviewMixin, DetailView):
    """An administering body or organiser; the section apps add their lists in the template."""

    queryset = Organisation.objects.published()

    def get_context_data(self, **kwargs):
        # The schemes' statuses on the page change at midnight in Hong Kong.
        return super().get_context_data(today=timezone.localdate(), **kwargs)
