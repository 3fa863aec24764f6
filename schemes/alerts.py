"""What schemes contribute to e-mail alerts: the finder's own filters decide what matches."""

import dataclasses
import datetime

from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.alerts import AlertSource, ChangeReason, TimedChange, filter_values
from portal.changes import fields_changes_in_words, parts_added_or_removed
from portal.models import Organisation

from .finder import FACETS, finder_active_filters
from .forms import SchemeFinderForm
from .models import Scheme, SchemeSection
from .selectors import scheme_search
from .status import ACCEPTING_APPLICATIONS, SchemeStatus, scheme_status

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


# What a follower is told of when it changes (besides the status, sections added or removed,
# and the eligibility section's text).
SIGNIFICANT_FIELDS = (
    "max_funding_hkd",
    "max_funding_note",
    "opens_on",
    "closes_on",
    "support_type",
    "applicant",
)
REMINDER_DAYS = (14, 3)
OPENING_NOTICE_DAYS = 7  # a run missed on the day still tells of an opening this week


def scheme_follow_lookup(what: str, slug: str):
    """A published scheme, or an organiser (all its schemes), to follow."""
    models = {"scheme": Scheme, "organisation": Organisation}
    model = models.get(what)
    return model.objects.published().filter(slug=slug).first() if model else None


def scheme_followed_through(scheme: Scheme) -> list:
    return [scheme, scheme.organisation]


def _funding(scheme: Scheme) -> str:
    if not scheme.max_funding_hkd:
        return gettext("No set maximum")
    amount = gettext("HK$%(amount)s") % {"amount": f"{scheme.max_funding_hkd:,}"}
    if not scheme.max_funding_note:
        return amount
    return f"{amount} " + gettext("(%(note)s)") % {"note": scheme.max_funding_note}


def scheme_closing_text(scheme: Scheme) -> str:
    return localize(scheme.closes_on) if scheme.closes_on else gettext("Open all year round")


def scheme_alert_facts(scheme: Scheme, today: datetime.date) -> list[tuple[str, str]]:
    return [
        (gettext("Maximum funding"), _funding(scheme)),
        (gettext("Type of support"), scheme.get_support_type_display()),
        (gettext("Who can apply"), scheme.get_applicant_display()),
        (gettext("Status"), str(scheme_status(scheme, today=today).label)),
        (gettext("Applications close"), scheme_closing_text(scheme)),
    ]


def _eligibility_sections(snapshot) -> dict:
    label = SchemeSection._meta.label_lower
    return {
        record["pk"]: record["fields"]
        for record in snapshot.records
        if record["model"] == label and "eligib" in record["fields"].get("anchor", "")
    }


def scheme_significant_changes(model, before, after, today) -> list[tuple[str, str, str]]:
    """Amount, dates, type, who can apply, status, sections added or removed, eligibility."""
    rows = fields_changes_in_words(
        model, before.item_fields, after.item_fields, names=SIGNIFICANT_FIELDS
    )
    old_status = scheme_status(before.item(), today=today)
    new_status = scheme_status(after.item(), today=today)
    if old_status != new_status:
        rows.append((gettext("Status"), str(old_status.label), str(new_status.label)))
    section_kind = str(SchemeSection._meta.verbose_name).capitalize()
    old_eligibility, new_eligibility = _eligibility_sections(before), _eligibility_sections(after)
    for part in parts_added_or_removed(model=model, before=before, after=after):
        if part.kind != section_kind:
            continue
        eligibility = any(
            old_eligibility.get(pk) != new_eligibility.get(pk)
            for pk in old_eligibility.keys() | new_eligibility.keys()
        )
        if part.state != "changed" or eligibility:
            label = gettext("Section “%(name)s”") % {"name": part.name}
            rows.append((label, "", part.state_label))
    return rows


def scheme_timed_changes(today: datetime.date) -> list[TimedChange]:
    """Schemes opening this week, and reminders 14 and 3 days before closing (none for schemes
    open all year, which have no closing date)."""
    longest = today + datetime.timedelta(days=max(REMINDER_DAYS))
    opened_since = today - datetime.timedelta(days=OPENING_NOTICE_DAYS - 1)
    schemes = Scheme.objects.published().filter(
        Q(opens_on__range=(opened_since, today)) | Q(closes_on__range=(today, longest))
    )
    changes = []
    for scheme in schemes:
        status = scheme_status(scheme, today=today)
        if status not in ACCEPTING_APPLICATIONS:
            continue
        if scheme.opens_on and opened_since <= scheme.opens_on <= today:
            changes.append(
                TimedChange(scheme, ChangeReason.OPENED, f"opened:{scheme.opens_on.isoformat()}")
            )
        if scheme.closes_on is None:
            continue
        days_left = (scheme.closes_on - today).days
        due = [days for days in REMINDER_DAYS if days_left <= days]
        if due:  # the nearest one: a run that missed the 14-day mark at 5 days still reminds
            days = min(due)
            occasion = f"reminder-{days}:{scheme.closes_on.isoformat()}"
            changes.append(TimedChange(scheme, ChangeReason.REMINDER, occasion))
    return changes


SCHEME_ALERTS = AlertSource(
    kind="schemes",
    model=Scheme,
    label=_("Funding schemes"),
    clean_filters=scheme_alert_filters_clean,
    describe_filters=scheme_alert_filters_describe,
    matches=scheme_alert_matches,
    follow_lookup=scheme_follow_lookup,
    followed_through=scheme_followed_through,
    facts=scheme_alert_facts,
    summary=lambda scheme: scheme.summary,
    significant_changes=scheme_significant_changes,
    timed_changes=scheme_timed_changes,
)
