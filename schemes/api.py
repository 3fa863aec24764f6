"""What the open data API exposes of schemes: the finder's own results, and each scheme's facts.

The list calls the finder's selector (`finder_results`) with the finder's filters, so a keyword
is understood exactly as the finder understands it, whatever engine the finder uses.
"""

import datetime
from typing import Literal

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router

from portal.api import ApiResource, register_resource
from portal.api.lists import list_page
from portal.api.schemas import (
    KEYWORD,
    Choice,
    Data,
    DetailParameters,
    Keyword,
    ListParameters,
    LocalisedText,
    Reference,
    RichText,
    Slug,
    page_of,
    slug_in_path,
)
from portal.api.tables import CSV_SCHEMA, csv_content, csv_response, documented
from portal.i18n import languages
from portal.i18n.data import (
    PREFIXES,
    localised_label,
    localised_rich_text,
    localised_text,
    localised_url,
)
from portal.i18n.text import clean_user_text
from portal.pagecache.memo import content_memo

from .models import Applicant, EligibilityRule, Scheme, SchemeContact, SupportType
from .selectors import SchemeFilters, SchemeSort, finder_results
from .status import SchemeStatus, scheme_status

router = Router()


class SchemeFilterParameters(DetailParameters):
    """The finder's filters, and the language its keyword is read in."""

    q: Keyword = KEYWORD
    type: list[SupportType] = Field([], description=gettext_noop("Types of support (any of them)"))
    organisation: list[Slug] = Field(
        [], description=gettext_noop("Slugs of administering organisations (any of them)")
    )
    applicant: list[Applicant] = Field([], description=gettext_noop("Who can apply (any of them)"))
    status: list[SchemeStatus] = Field(
        [],
        description=gettext_noop(
            "Statuses today in Hong Kong (any of them); every status when absent"
        ),
    )
    sort: Literal[SchemeSort.NAME, SchemeSort.CLOSING, SchemeSort.FUNDING] = Field(
        SchemeSort.NAME,
        description=gettext_noop(
            "name; closing (soonest first, then those without a closing date); funding "
            "(highest first). The name is the English one, or the Chinese one with lang=tc|sc."
        ),
    )


class SchemeListParameters(ListParameters, SchemeFilterParameters):
    pass


class MaximumFunding(Data):
    amount: int = Field(
        description=gettext_noop("The most a scheme gives or guarantees"), examples=[1000000]
    )
    currency: Literal["HKD"] = Field("HKD", description=gettext_noop("ISO 4217 currency code"))
    note: LocalisedText = Field(description=gettext_noop("What the amount is, e.g. per enterprise"))


class Contact(Data):
    kind: Literal["phone", "fax", "email"] = Field(
        description=gettext_noop("Telephone, fax or e-mail")
    )
    value: str = Field(description=gettext_noop("The number or address"), examples=["2398 5129"])


class Section(Data):
    anchor: str = Field(description=gettext_noop("The section's #fragment on the page"))
    heading: LocalisedText = Field(description=gettext_noop("Heading"))
    body: RichText = Field(description=gettext_noop("Text"))


class Answer(Data):
    value: str = Field(
        description=gettext_noop("The answer's code in the eligibility check's address")
    )
    label: LocalisedText = Field(description=gettext_noop("The answer"))


class EligibilityRuleOut(Data):
    question: str | None = Field(
        description=gettext_noop(
            "The eligibility check's question key; null for a condition it cannot ask"
        )
    )
    question_text: LocalisedText | None = Field(
        description=gettext_noop("The question as the check asks it")
    )
    meets: list[Answer] = Field(description=gettext_noop("Answers that meet the rule"))
    fails: list[Answer] = Field(
        description=gettext_noop("Answers that fail it; any other: ask the body")
    )
    source_text: LocalisedText = Field(
        description=gettext_noop("The scheme's own sentence, word for word")
    )
    section: str | None = Field(
        description=gettext_noop("Anchor of the section the sentence is from")
    )


class SchemeOut(Data):
    """A funding scheme, with what its page says."""

    slug: str = Field(
        description=gettext_noop("Its address, the same in every language"), examples=["sgs"]
    )
    abbreviation: str | None = Field(description=gettext_noop("Short name"), examples=["SGS"])
    name: LocalisedText = Field(description=gettext_noop("Name"))
    summary: LocalisedText = Field(description=gettext_noop("Summary"))
    status: Choice = Field(description=gettext_noop("Where applications stand today in Hong Kong"))
    opens_on: datetime.date | None = Field(description=gettext_noop("First day of applications"))
    closes_on: datetime.date | None = Field(description=gettext_noop("Last day of applications"))
    max_funding: MaximumFunding | None = Field(
        description=gettext_noop("Maximum funding; null if not stated")
    )
    funding_share: LocalisedText = Field(
        description=gettext_noop("Guarantee ratio or funding share")
    )
    fees: LocalisedText = Field(description=gettext_noop("What the applicant pays"))
    how_to_apply: LocalisedText = Field(description=gettext_noop("How to apply"))
    support_type: Choice = Field(description=gettext_noop("Type of support"))
    applicant: Choice = Field(description=gettext_noop("Who can apply"))
    organisation: Reference = Field(description=gettext_noop("The administering organisation"))
    organisation_note: LocalisedText = Field(
        description=gettext_noop("Note on the administering body")
    )
    website: LocalisedText = Field(description=gettext_noop("The scheme's official website"))
    contacts: list[Contact] = Field(description=gettext_noop("Enquiry telephone, fax and e-mail"))
    sections: list[Section] = Field(description=gettext_noop("The page's sections, in order"))
    eligibility_rules: list[EligibilityRuleOut] = Field(
        description=gettext_noop("The rules the site's eligibility check applies")
    )
    url: LocalisedText = Field(description=gettext_noop("The scheme's page in each language"))
    information_as_at: datetime.date = Field(description=gettext_noop("Information as at"))
    last_reviewed: datetime.date = Field(
        description=gettext_noop("When TID last checked the scheme's facts")
    )
    updated_at: datetime.datetime = Field(description=gettext_noop("Last changed on the site"))


SchemePage = page_of(SchemeOut, "SchemePage")


def _answers(options, prefixes) -> list[dict]:
    return [{"value": o.value, "label": localised_text(o, "label", prefixes)} for o in options]


def _rule(rule: EligibilityRule, prefixes) -> dict:
    question = rule.question
    return {
        "question": question.key if question else None,
        "question_text": localised_text(question, "text", prefixes) if question else None,
        "meets": _answers(rule.passing_options.all(), prefixes),
        "fails": _answers(rule.failing_options.all(), prefixes),
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
        "status": {"code": status.value, "label": localised_label(status.label, prefixes)},
        "opens_on": scheme.opens_on,
        "closes_on": scheme.closes_on,
        "max_funding": None
        if amount is None
        else {
            "amount": amount,
            "currency": "HKD",
            "note": localised_text(scheme, "max_funding_note", prefixes),
        },
        "support_type": _choice(SupportType(scheme.support_type), prefixes),
        "applicant": _choice(Applicant(scheme.applicant), prefixes),
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
        "url": localised_url(scheme.get_absolute_url(), settings.SITE_URL, prefixes),
        "information_as_at": scheme.information_as_at,
        "last_reviewed": scheme.last_reviewed,
        "updated_at": scheme.updated_at,
    }


def _choice(choice, prefixes) -> dict:
    return {"code": choice.value, "label": localised_label(choice.label, prefixes)}


def _schemes_in_full():
    rules = EligibilityRule.objects.select_related("question").prefetch_related(
        "passing_options", "failing_options"
    )
    return (
        Scheme.objects.published()
        .select_related("organisation")
        .prefetch_related(
            "sections",
            Prefetch("contacts", queryset=SchemeContact.objects.order_by("order", "pk")),
            Prefetch("eligibility_rules", queryset=rules),
        )
    )


@content_memo
def scheme_records(pks: tuple[int, ...], prefixes: tuple[str, ...]) -> list[dict]:
    """The published schemes among `pks`, in that order, as the API gives them."""
    schemes = {scheme.pk: scheme for scheme in _schemes_in_full().filter(pk__in=pks)}
    today = timezone.localdate()
    return [scheme_record(schemes[pk], prefixes, today=today) for pk in pks if pk in schemes]


@content_memo
def scheme_record_by_slug(slug: str, prefixes: tuple[str, ...]) -> dict | None:
    scheme = _schemes_in_full().filter(slug=slug).first()
    return scheme and scheme_record(scheme, prefixes, today=timezone.localdate())


def scheme_matches(parameters: SchemeFilterParameters) -> list[Scheme]:
    """The finder's own results for these filters, in the language `lang` names."""
    language = languages.rendered_as(languages.BY_PREFIX[parameters.lang or "en"])
    filters = SchemeFilters(
        support_types=tuple(parameters.type),
        organisations=tuple(parameters.organisation),
        applicants=tuple(parameters.applicant),
        statuses=tuple(parameters.status or SchemeStatus.values),
    )
    with translation.override(language.code):
        return finder_results(
            query=clean_user_text(parameters.q), filters=filters, sort=parameters.sort
        )


def _changed(since, now):
    changed = Scheme.objects.published(now).changed_since(since, now=now, related=("organisation",))
    return changed.values_list("pk", flat=True)


@router.get("", response=SchemePage, exclude_unset=True, summary="Funding schemes")
def scheme_list(request, parameters: Query[SchemeListParameters]):
    """The scheme finder's results: the same filters and keyword understanding. Every status
    when none is given (the finder shows those open to applicants)."""
    return list_page(
        request,
        parameters,
        pks=[scheme.pk for scheme in scheme_matches(parameters)],
        changed=_changed,
        model=Scheme,
        records=scheme_records,
    )


@router.get(
    "results.csv",
    response={200: None},
    openapi_extra=documented("text/csv", CSV_SCHEMA, "The matching schemes, one row each"),
    summary="Funding schemes as CSV",
)
def scheme_results_csv(request, parameters: Query[SchemeFilterParameters]):
    """The finder's results as a spreadsheet, all of them: "Download these results (CSV)" on
    the finder links here with its filters and the page's language."""
    pks = tuple(scheme.pk for scheme in scheme_matches(parameters))
    records = scheme_records(pks, parameters.prefixes) if pks else []
    return csv_response(csv_content(SchemeOut, records, parameters.prefixes), "schemes.csv")


@router.get("{slug}/", response=SchemeOut, exclude_unset=True, summary="One funding scheme")
def scheme_detail(
    request,
    slug: str = slug_in_path("sme-loan-guarantee-scheme"),
    *,
    parameters: Query[DetailParameters],
):
    record = scheme_record_by_slug(slug, parameters.prefixes)
    if record is None:
        raise Http404
    return record


def all_scheme_records() -> list[dict]:
    parameters = SchemeListParameters()
    return scheme_records(tuple(scheme.pk for scheme in scheme_matches(parameters)), PREFIXES)


register_resource(
    ApiResource(
        name="schemes",
        router=router,
        item_schema=SchemeOut,
        all_records=all_scheme_records,
        title=_("Funding schemes"),
        order=1,
    )
)
