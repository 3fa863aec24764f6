"""Errors as `application/problem+json` (RFC 9457), for every 4xx and 5xx under /api/.

Made without the database, so the 503 of an outage can use it.
"""

import json
from http import HTTPStatus

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

PROBLEM_TYPE = "application/problem+json"
# Documented on the open data page; other problems are `about:blank` with the status's title.
INVALID_PARAMETER = "invalid-parameter"


def problem_type_url(name: str) -> str:
    return f"{settings.SITE_URL}/en/open-data/#{name}"


def problem_response(
    request,
    status: int,
    *,
    detail: str = "",
    kind: str = "",
    errors: list[dict] | None = None,
    headers: dict | None = None,
) -> HttpResponse:
    body = {
        "type": problem_type_url(kind) if kind else "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or HTTPStatus(status).description,
        "instance": request.path,
    }
    if errors:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type=f"{PROBLEM_TYPE}; charset=utf-8",
        headers=headers,
    )
    if status in (429, 503) or status >= 500:
        add_never_cache_headers(response)  # about this client or this moment only
    return response
