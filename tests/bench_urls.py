"""`make bench` only: the site's URLs plus the framework limit, a minimal view returning a page
as large as ours through the same middleware. Never part of the shipped URLconf."""

import os

from django.http import HttpResponse
from django.urls import path

from portal.urls import handler500
from portal.urls import urlpatterns as site_patterns

PAGE = b"<!DOCTYPE html>" + b"x" * max(0, int(os.environ.get("BENCH_PAGE_BYTES", "21000")) - 15)


def framework_limit(request):
    return HttpResponse(PAGE)


urlpatterns = [path("bench/limit", framework_limit), *site_patterns]

__all__ = ["handler500", "urlpatterns"]
