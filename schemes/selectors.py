"""Reading schemes for the public pages: the finder's one entry point and the home page list."""

import datetime
from dataclasses import dataclass

from django.db.models import F, Max, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from portal.i18n import languages
from portal.i18n.search import query_terms
from portal.models import Organisation
from portal.pagecache.memo import content_memo

from .models import Scheme
from .status import ACCEPTING_APPLICATIONS


class SchemeSort:
    NAME = "name"
    CLOSING = "closing"
    FUNDING = "funding"


@dataclass(frozen=True)
class SchemeFilters:
    """The finder's facets; an empty tuple means "any". No statuses means "open to applicants"."""

    support_types: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()  # organisation slugs
    applicants: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()


def _is_english(language_code: str | None) -> bool:
    return languages.by_code(language_code or get_language()) == languages.ENGLISH


def search_column(language_code: str | None = None) -> str:
    """English pages search the English text; Traditional and Simplified pages the Chinese."""
    return "search_en" if _is_english(language_code) else "search_zh"


def scheme_search(
    *,
    query: str = "",
    filters: SchemeFilters = SchemeFilters(),  # noqa: B008 (frozen, so safe to share)
    sort: str = SchemeSort.NAME,
    today: datetime.date,
    language_code: str | None = None,
) -> QuerySet[Scheme]:
    """Published schemes matching every word of `query` and every facet, sorted."""
    schemes = Scheme.objects.published().select_related("organisation")
    column = search_column(language_code)
    for term in query_terms(query):
        schemes = schemes.filter(**{f"{column}__contains": term})
    if filters.support_types:
        schemes = schemes.filter(support_type__in=filters.support_types)
    if filters.organisations:
        schemes = schemes.filter(organisation__slug__in=filters.organisations)
    if filters.applicants:
        schemes = schemes.filter(applicant__in=filters.applicants)
    schemes = schemes.with_status(filters.statuses or ACCEPTING_APPLICATIONS, today=today)
    # Simplified pages read (and so sort by) the Traditional names.
    name = "name_en" if _is_english(language_code) else "name_zh_hant"
    return schemes.order_by(*_ordering(sort, name))


def _ordering(sort: str, name: str) -> list:
    if sort == SchemeSort.CLOSING:
        return [F("closes_on").asc(nulls_last=True), name, "pk"]
    if sort == SchemeSort.FUNDING:
        return [F("max_funding_hkd").desc(nulls_last=True), name, "pk"]
    return [name, "pk"]


@content_memo
def scheme_list_open(*, today: datetime.date, limit: int = 5) -> list[Scheme]:
    """Schemes SMEs can apply to now, closing soonest first, for the home page.

    Only the columns the home list shows: a scheme row is wide (every text in both languages)
    and building 40-odd fields plus the joined organisation per row was most of the page's
    query cost."""
    schemes = scheme_search(today=today, sort=SchemeSort.CLOSING).select_related(None)
    return list(schemes.only(*HOME_LIST_FIELDS)[:limit])


HOME_LIST_FIELDS = ("slug", "name", "opens_on", "closes_on")
# What a finder card shows (schemes/includes/_scheme_card.html), its organisation included.
CARD_FIELDS = (
    *HOME_LIST_FIELDS,
    "abbreviation",
    "summary",
    "applicant",
    "max_funding_hkd",
    "max_funding_note",
    "organisation__name",
)


@content_memo
def finder_results(*, query: str, filters: SchemeFilters, sort: str) -> list[Scheme]:
    """The finder's matches today in Hong Kong, with the fields their cards show.

    Remembered per search: a page of results is then one list slice, not a count and a query
    the ORM must build again with modeltranslation's rewriting on every request."""
    today = timezone.localdate()
    schemes = scheme_search(query=query, filters=filters, sort=sort, today=today)
    return list(schemes.only(*CARD_FIELDS))  # a scheme row is wide: read what the cards show


@content_memo
def scheme_page(slug: str) -> Scheme | None:
    """A published scheme with all its page shows (organisation, sections, contacts), or None."""
    schemes = Scheme.objects.published().filter(slug=slug).select_related("organisation")
    return schemes.prefetch_related("sections", "contacts").first()


@content_memo
def scheme_information_date() -> datetime.date | None:
    """The newest "information as at" date among published schemes, for the finder."""
    return Scheme.objects.published().aggregate(latest=Max("information_as_at"))["latest"]


@content_memo
def scheme_organisation_choices() -> list[tuple[str, str]]:
    """The finder's "Administered by" options: bodies with a published scheme."""
    organisations = (
        Organisation.objects.published()
        .filter(pk__in=Scheme.objects.published().values("organisation"))
        .only("slug", "name")
    )
    return [(organisation.slug, organisation.name) for organisation in organisations]
