"""Choosing the schemes the comparison page puts side by side, and saying why it cannot."""

from dataclasses import dataclass, field
from types import SimpleNamespace

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.utils import build_localized_fieldname

from portal.i18n.content import fallback_language, shown_language
from portal.i18n.languages import STORED_CODES

from .models import Scheme
from .selectors import SchemeFilters, scheme_search
from .status import SchemeStatus

MIN_COMPARED = 2
MAX_COMPARED = 3
MAX_CARRIED_QUERY = 2_000  # characters: far more than any check's answers or search
NAME_COLUMNS = tuple(build_localized_fieldname("name", code) for code in STORED_CODES)


@dataclass(frozen=True)
class SchemeChoice:
    """A scheme the chooser offers: its name as the page shows it, and `lang` (an HTML lang
    value) when that name is another language's, standing in for a missing one."""

    slug: str
    name: str
    lang: str = ""


def scheme_choices(schemes) -> list[SchemeChoice]:
    """`schemes` as choices, read as columns rather than models: the chooser lists every
    published scheme, and a model and a template tag per scheme were most of its time."""
    choices = []
    for slug, *names in schemes.values_list("slug", *NAME_COLUMNS):
        texts = SimpleNamespace(**dict(zip(NAME_COLUMNS, names, strict=True)))
        shown = shown_language(texts, "name")
        fallback = fallback_language(texts, "name")
        name = getattr(texts, build_localized_fieldname("name", shown.code)) if shown else ""
        choices.append(SchemeChoice(slug, name, fallback.html_lang if fallback else ""))
    return choices


@dataclass(frozen=True)
class Fact:
    key: str  # which value `schemes/includes/_comparison_fact.html` shows
    label: str


# What the comparison shows of each scheme, in order: the wide table's rows, each phone
# card's list, from the same template for each value.
COMPARED_FACTS = (
    Fact("organisation", gettext_lazy("Administered by")),
    Fact("applicant", gettext_lazy("Who can apply")),
    Fact("support_type", gettext_lazy("Type of support")),
    Fact("funding", gettext_lazy("Maximum funding")),
    Fact("funding_share", gettext_lazy("Guarantee ratio or funding share")),
    Fact("fees", gettext_lazy("Fees")),
    Fact("status", gettext_lazy("Application period and status")),
    Fact("how_to_apply", gettext_lazy("How to apply")),
    Fact("enquiries", gettext_lazy("Enquiries")),
)
# Shown first when the visitor came from the eligibility check with their answers.
CHECK_FACT = Fact("check", gettext_lazy("Your eligibility check"))


def carried_query(raw: str) -> str:
    """A query string the comparison carries back to where the visitor came from (the check's
    answers, the finder's search), re-encoded so that it can only be a query string."""
    if not raw or len(raw) > MAX_CARRIED_QUERY:
        return ""
    return QueryDict(raw).urlencode()


@dataclass
class Comparison:
    schemes: list[Scheme] = field(default_factory=list)  # in the order asked for
    problems: list[str] = field(default_factory=list)
    choices: list[SchemeChoice] = field(default_factory=list)  # to compare instead
    chosen: set[str] = field(default_factory=set)  # valid slugs, ticked again in the form


def scheme_comparison(slugs: list[str]) -> Comparison:
    """The published schemes named by `slugs`, or the reasons they cannot be compared."""
    slugs = list(dict.fromkeys(slug.strip() for slug in slugs if slug.strip()))
    published = {
        scheme.slug: scheme
        for scheme in Scheme.objects.published()
        .filter(slug__in=slugs[: MAX_COMPARED * 4])
        .select_related("organisation")
        .prefetch_related("contacts")
    }
    comparison = Comparison(
        schemes=[published[slug] for slug in slugs if slug in published], chosen=set(published)
    )
    missing = len([slug for slug in slugs if slug not in published])
    if missing:
        comparison.problems.append(
            _("One of the schemes chosen could not be found or is not published.")
            if missing == 1
            else _("Some of the schemes chosen could not be found or are not published.")
        )
    if len(slugs) > MAX_COMPARED:
        comparison.problems.append(_("You can compare up to three schemes at a time."))
    elif slugs and len(comparison.schemes) < MIN_COMPARED:
        comparison.problems.append(_("Choose at least two schemes to compare."))
    if comparison.problems or not slugs:
        comparison.schemes = []
        every_status = SchemeFilters(statuses=tuple(SchemeStatus.values))
        choices = scheme_search(filters=every_status, today=timezone.localdate())
        comparison.choices = scheme_choices(choices.select_related(None))
    return comparison
