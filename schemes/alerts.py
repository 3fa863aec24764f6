"""What schemes contribute to e-mail alerts: the finder's own filters decide what matches."""

import dataclasses

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.alerts import AlertSource, filter_values

from .finder import FACETS, finder_active_filters
from .forms import SchemeFinderForm
from .models import Scheme
from .selectors import scheme_search
from .status import ACCEPTING_APPLICATIONS, SchemeStatus

FILTER_NAMES = ("q", *FACETS)
# With no status chosen the finder shows what is open now; an alert also tells of schemes
# announced before they open.
ALERT_DEFAULT_STATUSES = (*ACCEPTING_APPLICATIONS, SchemeStatus.NOT_YET_OPEN)


def _finder_form(filters) -> SchemeFinderForm:
    params = QueryDict(mutable=True)
    for name in FILTER_NAMES:
        params.setlist(name, filter_values(filters, name))
    form = SchemeFinderForm(params)
    form.is_valid()
    return form


def scheme_alert_filters_clean(filters) -> dict[str, list[str]]:
    """The finder parameters that are valid, without the sort order or page."""
    form = _finder_form(filters)
    cleaned = {name: list(form.value(name)) for name in FACETS if form.value(name)}
    if form.query:
        cleaned["q"] = [form.query]
    return cleaned


def scheme_alert_filters_describe(filters) -> list[tuple[str, str]]:
    form = _finder_form(filters)
    return [(f.facet_label, f.value_label) for f in finder_active_filters(form, "", QueryDict())]


def scheme_alert_matches(scheme: Scheme, filters, language_code: str) -> bool:
    form = _finder_form(filters)
    finder_filters = form.filters
    if not finder_filters.statuses:
        finder_filters = dataclasses.replace(finder_filters, statuses=ALERT_DEFAULT_STATUSES)
    results = scheme_search(
        query=form.query,
        filters=finder_filters,
        today=timezone.localdate(),
        language_code=language_code,
    )
    return results.filter(pk=scheme.pk).exists()


SCHEME_ALERTS = AlertSource(
    kind="schemes",
    model=Scheme,
    label=_("Funding schemes"),
    clean_filters=scheme_alert_filters_clean,
    describe_filters=scheme_alert_filters_describe,
    matches=scheme_alert_matches,
)
