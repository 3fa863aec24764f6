"""What events contribute to e-mail alerts: the upcoming list's filters decide what matches."""

from django.http import QueryDict
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from events.forms import EventFilterForm
from events.models import Event
from events.selectors import event_list_public
from portal.alerts import AlertSource, filter_values
from portal.models import Organisation

FILTER_NAMES = ("category", "organiser")


def _filter_form(filters) -> EventFilterForm:
    params = QueryDict(mutable=True)
    for name in FILTER_NAMES:
        values = filter_values(filters, name)
        if values:
            params[name] = values[0]
    form = EventFilterForm(params, organisers=Organisation.objects.published())
    form.is_valid()
    return form


def event_alert_filters_clean(filters) -> dict[str, list[str]]:
    form = _filter_form(filters)
    if not form.is_valid():
        return {}
    cleaned = {}
    if form.cleaned_data["category"]:
        cleaned["category"] = [form.cleaned_data["category"]]
    if form.cleaned_data["organiser"]:
        cleaned["organiser"] = [form.cleaned_data["organiser"].slug]
    return cleaned


def event_alert_filters_describe(filters) -> list[tuple[str, str]]:
    form = _filter_form(filters)
    if not form.is_valid():
        return []
    described = []
    category, organiser = form.cleaned_data["category"], form.cleaned_data["organiser"]
    if category:
        label = dict(form.fields["category"].choices)[category]
        described.append((str(form.fields["category"].label), str(label)))
    if organiser:
        described.append((str(form.fields["organiser"].label), organiser.name))
    return described


def event_alert_matches(event: Event, filters, language_code: str) -> bool:
    form = _filter_form(filters)
    events = event_list_public(now=timezone.now(), **form.filters())
    return events.filter(pk=event.pk).exists()


def event_is_cancelled(event: Event) -> bool:
    return event.is_cancelled


def event_alert_facts(event: Event, today) -> list[tuple[str, str]]:
    """When, where and what kind, for the e-mail."""
    facts = [(gettext("When"), localize(timezone.localtime(event.starts_at)))]
    if event.venue_name:
        facts.append((gettext("Where"), event.venue_name))
    facts.append((gettext("Category"), event.get_category_display()))
    if event.is_cancelled:
        facts.append((gettext("Status"), gettext("Cancelled")))
    return facts


EVENT_ALERTS = AlertSource(
    kind="events",
    model=Event,
    label=_("Events"),
    clean_filters=event_alert_filters_clean,
    describe_filters=event_alert_filters_describe,
    matches=event_alert_matches,
    is_cancelled=event_is_cancelled,
    facts=event_alert_facts,
    summary=lambda event: event.summary,
)
