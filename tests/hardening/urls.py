"""Every URL the site answers, as templates to fill: the fuzz tests and `make fuzz` use them."""

import re
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from events.forms import EventFilterForm
from schemes.forms import SchemeFinderForm

ROUTE_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")
# Query parameters and form fields views read that no view declares for the page cache: the
# comparison, the eligibility check's questions (from the seed), the assistant, alerts, staff.
READ_PARAMETERS = {
    "s", "q", "type", "page", "preview", "refused", "kind", "token", "helpful", "email",
    "frequency", "next", "alert", "action", "format", "lang", "registered", "sector",
    "employees", "listed", "lender", "lender-associate", "operating-year", "travel-agent", "need",
}  # fmt: skip


def declared_query_parameters() -> set[str]:
    """The parameters every route declares (`cache_query_parameters`), routes added later too."""
    from portal.pagecache.keys import declared_parameters

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns)
            else:
                yield from declared_parameters(pattern.callback)

    return set(walk(get_resolver().url_patterns))


# Every query parameter a view reads.
QUERY_PARAMETERS = sorted(
    {*SchemeFinderForm.base_fields, *EventFilterForm.base_fields, *READ_PARAMETERS}
    | declared_query_parameters()
)


def _template(pattern) -> str:
    if isinstance(pattern, LocalePrefixPattern):
        return "{lang}/"
    if isinstance(pattern, RoutePattern):
        return ROUTE_PARAMETER.sub(r"{\1}", str(pattern))
    if isinstance(pattern, RegexPattern):
        return REGEX_GROUP.sub(r"{\1}", str(pattern).lstrip("^").rstrip("$").replace("\\", ""))
    return str(pattern)


def _templates(patterns, prefix: str):
    for pattern in patterns:
        template = prefix + _template(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _templates(pattern.url_patterns, template)
        elif isinstance(pattern, URLPattern):
            yield template


def url_templates() -> list[str]:
    """'/{lang}/schemes/{slug}/' and so on, for every pattern in the URLconf."""
    return sorted({"/" + template for template in _templates(get_resolver().url_patterns, "")})


def fill(template: str, values: dict[str, str]) -> str:
    """The template with each {name} replaced by its value, percent-encoded (lone surrogates
    and all: they become the broken UTF-8 a client may send)."""
    return re.sub(
        r"\{(\w+)\}",
        lambda match: quote(values.get(match[1], "x"), safe="", errors="surrogatepass"),
        template,
    )


def query_string(pairs: list[tuple[str, str]]) -> str:
    return "&".join(
        f"{quote(name, safe='', errors='surrogatepass')}="
        f"{quote(value, safe='', errors='surrogatepass')}"
        for name, value in pairs
    )
