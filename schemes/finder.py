"""Links the finder page offers: remove one filter, include closed schemes."""

from dataclasses import dataclass

from django.http import QueryDict

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
