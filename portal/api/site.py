"""The API itself: ninja's NinjaAPI with our errors, our JSON and our OpenAPI additions.

Built once, when the URLconf is loaded, from the resources apps registered.
"""

import pydantic_core
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.renderers import JSONRenderer

from portal.site import absolute_url, site_origin

from . import downloads
from .problems import INVALID_PARAMETER, PROBLEM_TYPE, problem_response
from .registry import resources
from .schemas import Problem


class PydanticJSONRenderer(JSONRenderer):
    """pydantic's own JSON writer (Rust): five times the json module's speed on a page of
    schemes; Chinese as written, not escaped."""

    def render(self, request, data, *, response_status):
        return pydantic_core.to_json(data)


DESCRIPTION = """\
Funding schemes, events, Important Notices and organisations from Support for SMEs, the Trade
and Industry Department's (TID) portal for Hong Kong's small and medium enterprises: the same
content as the site's pages, in English, Traditional Chinese and Simplified Chinese.

Read-only and anonymous. Terms of use, limits and bulk downloads: {docs}.
"""

HEADERS = {
    "ETag": "Changes when the content does (it names the content generation)",
    "Cache-Control": "As for the site's pages: revalidate with If-None-Match",
}


def _header(description: str) -> dict:
    return {"description": description, "schema": {"type": "string"}}


class PortalApi(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        document["servers"] = [{"url": site_origin()}]
        document["info"]["description"] = DESCRIPTION.format(docs=absolute_url("/en/open-data/"))
        document["info"]["termsOfService"] = absolute_url("/en/notices/")
        problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        document["components"]["schemas"].update({**problem.pop("$defs", {}), "Problem": problem})
        for path, operations in document["paths"].items():
            for operation in operations.values():
                _add_common_responses(operation, has_path_parameters="{" in path)
        return document


def _problem(description: str, **headers) -> dict:
    response = {
        "description": description,
        "content": {PROBLEM_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }
    if headers:
        response["headers"] = {name: _header(text) for name, text in headers.items()}
    return response


def _add_common_responses(operation: dict, *, has_path_parameters: bool) -> None:
    """What every operation may answer besides its data: the framework, not the app, says so."""
    responses = operation["responses"]
    for status, response in list(responses.items()):
        if int(status) < 300:
            response.setdefault("headers", {}).update(
                {name: _header(text) for name, text in HEADERS.items()}
            )
    responses["304"] = {"description": "Not Modified: the ETag sent in If-None-Match is current"}
    if operation.get("parameters"):
        responses["400"] = _problem("A parameter's value is not one this operation takes")
    if has_path_parameters:
        responses["404"] = _problem("Nothing published has this slug")
    responses["429"] = _problem(
        "Too many requests from this address this minute", **{"Retry-After": "Seconds to wait"}
    )
    responses["503"] = _problem("The site cannot answer now", **{"Retry-After": "Seconds to wait"})


api = PortalApi(
    title="Support for SMEs open data",
    version="1",
    description="",
    openapi_url="/openapi.json",
    docs_url=None,  # the documentation is the site's own open data page, in three languages
    urls_namespace="api",
    renderer=PydanticJSONRenderer(),
)


def _parameter_name(location) -> str:
    """("query", "parameters", "type", 0) names the parameter `type` (its first value)."""
    return next((str(part) for part in reversed(location) if isinstance(part, str)), "")


@api.exception_handler(ValidationError)
def invalid_parameters(request, error):
    problems = [
        {"name": _parameter_name(detail["loc"]), "reason": detail["msg"]}
        for detail in error.errors
        if detail.get("loc")
    ]
    names = ", ".join(sorted({problem["name"] for problem in problems}))
    return problem_response(
        request,
        400,
        kind=INVALID_PARAMETER,
        detail=f"These parameters have values this operation does not take: {names}.",
        errors=problems,
    )


@api.exception_handler(Http404)
def not_found(request, error):
    return problem_response(request, 404, detail="Nothing published has this slug.")


@api.exception_handler(HttpError)
def http_error(request, error):
    return problem_response(request, error.status_code, detail=str(error))


for resource in resources():
    api.add_router(f"/{resource.name}/", resource.router, tags=[str(resource.title)])
api.add_router("/downloads/", downloads.router, tags=["Downloads"])


def operation_parameters(document: dict) -> dict[str, tuple[str, ...]]:
    """The query parameters of each path of the document, e.g. {"/api/v1/schemes/": ("lang", …)}."""
    return {
        path: tuple(
            sorted(
                {
                    parameter["name"]
                    for operation in operations.values()
                    for parameter in operation.get("parameters", [])
                    if parameter["in"] == "query"
                }
            )
        )
        for path, operations in document["paths"].items()
    }
