"""`make bench` only: the site's URLs plus the framework limit, a minimal view returning a page
as large as ours through the same middleware. Never part of the shipped URLconf."""

import functools

from django.http import HttpResponse
from django.urls import path

from portal.urls import handler500
from portal.urls import urlpatterns as site_patterns


@functools.cache
def page_of(size: int) -> bytes:
    return b"<!DOCTYPE html>" + b"x" * max(0, size - 15)


def framework_limit(request, size):
    """The smallest Django view: a page of `size` bytes, made once."""
    return HttpResponse(page_of(size))


urlpatterns = [path("bench/limit/<int:size>", framework_limit), *site_patterns]

__all__ = ["handler500", "urlpatterns"]
