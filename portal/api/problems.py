"""Errors as `application/problem+json` (RFC 9457), for every 4xx and 5xx under /api/.

Made without the database, so the 503 of an outage can use it.
"""

import json
from http import HTTPStatus

from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

from portal.site import absolute_url

PROBLEM_TYPE = "application/problem+json"
# Documented on the open data page; other problems are `about:blank` with the status's title.
INVALID_PARAMETER = "invalid-parameter"


def problem_type_url(name: str) -> str:
    return absolute_url(f"/en/open-data/#{name}")


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


def error_problem(request, status: int, detail: str) -> HttpResponse:
    """The problem for an error the site answers before the API sees the request: a 400 from
    the input cleaner names the parameters it refused."""
    from portal.input import is_unreadable  # it answers through portal.errors, which needs us

    refused = [
        {"name": name, "reason": "holds a control character or a lone surrogate"}
        for name, values in request.GET.lists()
        if is_unreadable(name) or any(is_unreadable(value) for value in values)
    ]
    if status == 400 and refused:
        return problem_response(request, 400, detail=detail, kind=INVALID_PARAMETER, errors=refused)
    return problem_response(request, status, detail=detail)
