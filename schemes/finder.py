"""Links the finder page offers: remove one filter, include closed schemes."""

from dataclasses import dataclass

from django.http import QueryDict
from django.urls import reverse

from .forms import SchemeFinderForm
from .status import ACCEPTING_APPLICATIONS, SchemeStatus

FACETS = ("type", "organisation", "applicant", "status")


@dataclass(frozen=True)
class ActiveFilter:
    facet_label: str
    value_label: str
    remove_url: str


def _url(path: str, params: QueryDict) -> str:
    params = params.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return f"{path}?{encoded}" if encoded else path


def finder_active_filters(
    form: SchemeFinderForm, path: str, params: QueryDict
) -> list[ActiveFilter]:
    """Each chosen facet value, with a link to the same search without it."""
    active = []
    for name in FACETS:
        field = form.fields[name]
        labels = dict(field.choices)
        for value in form.value(name):
            remaining = params.copy()
            remaining.setlist(name, [v for v in params.getlist(name) if v != value])
            active.append(ActiveFilter(str(field.label), str(labels[value]), _url(path, remaining)))
    if form.value("new"):
        remaining = params.copy()
        remaining.pop("new", None)
        field = form.fields["new"]
        label = dict(field.choices)[form.value("new")]
        active.append(ActiveFilter(str(field.label), str(label), _url(path, remaining)))
    if form.query:
        remaining = params.copy()
        remaining.pop("q", None)
        label = str(form.fields["q"].label)
        active.insert(0, ActiveFilter(label, form.query, _url(path, remaining)))
    return active


def finder_shown_statuses(form: SchemeFinderForm) -> list[str]:
    """The statuses the results cover: those chosen, else the ones open to applicants."""
    return form.value("status") or [str(status) for status in ACCEPTING_APPLICATIONS]


def finder_include_closed_url(form: SchemeFinderForm, path: str, params: QueryDict) -> str:
    """The same search with closed schemes added, or "" if they are already included."""
    shown = finder_shown_statuses(form)
    if SchemeStatus.CLOSED in shown:
        return ""
    params = params.copy()
    params.setlist("status", [*shown, SchemeStatus.CLOSED])
    return _url(path, params)


def finder_clear_url(form: SchemeFinderForm, path: str) -> str:
    """Everything cleared but the sort order."""
    sort = form.value("sort")
    return f"{path}?sort={sort}" if sort else path


def finder_csv_url(form: SchemeFinderForm, language_prefix: str) -> str:
    """The open data API's CSV of these results: the same filters (the statuses shown, as the
    API's default is every status), in the page's language."""
    params = QueryDict(mutable=True)
    if form.query:
        params["q"] = form.query
    for name in ("type", "organisation", "applicant"):
        params.setlist(name, form.value(name))
    params.setlist("status", finder_shown_statuses(form))
    if form.value("new"):
        params["new"] = form.value("new")
    params["sort"] = form.sort_order
    params["lang"] = language_prefix
    return f"{reverse('api:scheme_results_csv')}?{params.urlencode()}"
