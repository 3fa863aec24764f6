"""Schemes as the open data API gives them, read once per content generation in each process."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone, translation

from portal.i18n import languages
from portal.i18n.data import (
    localised_choice,
    localised_rich_text,
    localised_text,
    localised_url,
)
from portal.i18n.text import clean_user_text
from portal.pagecache.memo import content_memo

from ..models import (
    Applicant,
    EligibilityOption,
    EligibilityRule,
    Scheme,
    SchemeContact,
    SupportType,
)
from ..selectors import SchemeFilters, finder_matches
from ..status import SchemeStatus, scheme_status
from .schemas import SchemeFilterParameters


def _answers(options, prefixes) -> list[dict]:
    return [{"value": o.value, "label": localised_text(o, "label", prefixes)} for o in options]


def _rule(rule: EligibilityRule, prefixes) -> dict:
    question = rule.question
    return {
        "question": question.key if question else None,
        "question_text": localised_text(question, "text", prefixes) if question else None,
        "meets": _answers(rule.meets, prefixes),
        "fails": _answers(rule.fails, prefixes),
        "source_text": localised_text(rule, "source_text", prefixes),
        "section": rule.section_anchor or None,
    }


def scheme_record(scheme: Scheme, prefixes, *, today: datetime.date) -> dict:
    text = {
        field: localised_text(scheme, field, prefixes)
        for field in ("name", "summary", "funding_share", "fees", "how_to_apply", "website")
    }
    status = scheme_status(scheme, today=today)
    amount = scheme.max_funding_hkd
    return {
        "slug": scheme.slug,
        "abbreviation": scheme.abbreviation or None,
        **text,
        "status": localised_choice(status, prefixes),
        "opens_on": scheme.opens_on,
        "closes_on": scheme.closes_on,
        "max_funding": None
        if amount is None
        else {
            "amount": amount,
            "currency": "HKD",
            "note": localised_text(scheme, "max_funding_note", prefixes),
        },
        "support_type": localised_choice(SupportType(scheme.support_type), prefixes),
        "applicant": localised_choice(Applicant(scheme.applicant), prefixes),
        "organisation": {
            "slug": scheme.organisation.slug,
            "name": localised_text(scheme.organisation, "name", prefixes),
        },
        "organisation_note": localised_text(scheme, "organisation_note", prefixes),
        "contacts": [{"kind": c.kind, "value": c.value} for c in scheme.contacts.all()],
        "sections": [
            {
                "anchor": section.anchor,
                "heading": localised_text(section, "heading", prefixes),
                "body": localised_rich_text(section, "body", prefixes),
            }
            for section in scheme.sections.all()
        ],
        "eligibility_rules": [_rule(rule, prefixes) for rule in scheme.eligibility_rules.all()],
        "url": localised_url(scheme.get_absolute_url(), prefixes),
        "information_as_at": scheme.information_as_at,
        "last_reviewed": scheme.last_reviewed,
        "updated_at": scheme.updated_at,
    }


def _schemes_in_full(**filters) -> list[Scheme]:
    """Published schemes with all a record gives, each rule's answers as `meets` and `fails`."""
    with_questions = EligibilityRule.objects.select_related("question")
    schemes = list(
        Scheme.objects.published()
        .filter(**filters)
        .select_related("organisation")
        .prefetch_related(
            "sections",
            Prefetch("contacts", queryset=SchemeContact.objects.order_by("order", "pk")),
            Prefetch("eligibility_rules", queryset=with_questions),
        )
    )
    rules = [rule for scheme in schemes for rule in scheme.eligibility_rules.all()]
    meets = _options_by_rule(EligibilityRule.passing_options.through, rules)
    fails = _options_by_rule(EligibilityRule.failing_options.through, rules)
    for rule in rules:
        rule.meets, rule.fails = meets.get(rule.pk, []), fails.get(rule.pk, [])
    return schemes


def _options_by_rule(link, rules) -> dict[int, list[EligibilityOption]]:
    """Each rule's options through the link table `link`, in the options' own order, in one
    query: prefetching them builds a filtered queryset per rule (7 ms of 40 rules' 8)."""
    links = (
        link.objects.filter(eligibilityrule__in=rules)
        .select_related("eligibilityoption")
        .order_by(*(f"eligibilityoption__{field}" for field in EligibilityOption._meta.ordering))
    )
    options = {}
    for row in links:
        options.setdefault(row.eligibilityrule_id, []).append(row.eligibilityoption)
    return options


# A page of records is about 1 MB with its sections in three languages: keep a few pages.
@content_memo(max_entries=32)
def scheme_records(pks: tuple[int, ...], prefixes: tuple[str, ...]) -> list[dict]:
    """The published schemes among `pks`, in that order, as the API gives them."""
    schemes = {scheme.pk: scheme for scheme in _schemes_in_full(pk__in=pks)}
    today = timezone.localdate()
    return [scheme_record(schemes[pk], prefixes, today=today) for pk in pks if pk in schemes]


@content_memo(max_entries=100)  # a full record each, about 50 KB
def scheme_record_by_slug(slug: str, prefixes: tuple[str, ...]) -> dict | None:
    schemes = _schemes_in_full(slug=slug)
    return scheme_record(schemes[0], prefixes, today=timezone.localdate()) if schemes else None


def scheme_matches(parameters: SchemeFilterParameters) -> tuple[int, ...]:
    """The primary keys of the finder's own results for these filters, in its order, in the
    language `lang` names."""
    language = languages.rendered_as(languages.BY_PREFIX[parameters.lang or "en"])
    filters = SchemeFilters(
        support_types=tuple(parameters.type),
        organisations=tuple(parameters.organisation),
        applicants=tuple(parameters.applicant),
        statuses=tuple(parameters.status or SchemeStatus.values),
        new_within_days=int(parameters.new) if parameters.new else None,
    )
    with translation.override(language.code):
        return finder_matches(
            query=clean_user_text(parameters.q), filters=filters, sort=parameters.sort
        )


def changed_schemes(since, now):
    changed = Scheme.objects.published(now).changed_since(since, now=now, related=("organisation",))
    return changed.values_list("pk", flat=True)
