"""Reading schemes for the public pages: the finder's one entry point and the home page list."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, Max, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language

from portal.i18n import languages
from portal.models import Organisation
from portal.pagecache.memo import content_memo
from portal.search import current_index

from .models import Scheme
from .status import ACCEPTING_APPLICATIONS

# A keyword finds a scheme when this share of its weight is in one of the scheme's documents
# (the scheme or a section), counting synonyms, colloquial phrases and typos as the assistant
# does; higher than the assistant's bar because a finder lists, it does not guess.
FINDER_MIN_COVERAGE = 0.75
MAX_KEYWORD_MATCHES = 500  # documents: a scheme and its sections


class SchemeSort:
    RELEVANCE = "relevance"  # best match first: with a keyword; without one, by name
    NAME = "name"
    CLOSING = "closing"
    FUNDING = "funding"
    NEWEST = "newest"  # the latest on the site first


# When a scheme came on the site: its publishing window's start, else when it was created.
LISTED_AT = Coalesce("publish_from", "created_at")


@dataclass(frozen=True)
class SchemeFilters:
    """The finder's facets; an empty tuple means "any". No statuses means "open to applicants"."""

    support_types: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()  # organisation slugs
    applicants: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    new_within_days: int | None = None  # on the site for at most this many days


def _is_english(language_code: str | None) -> bool:
    return languages.by_code(language_code or get_language()) == languages.ENGLISH


def scheme_search(
    *,
    query: str = "",
    filters: SchemeFilters = SchemeFilters(),  # noqa: B008 (frozen, so safe to share)
    sort: str = SchemeSort.NAME,
    today: datetime.date,
    language_code: str | None = None,
) -> QuerySet[Scheme]:
    """Published schemes the site's search engine finds for `query` (in either language), that
    match every facet, sorted."""
    schemes = Scheme.objects.published().select_related("organisation")
    ranked = scheme_slugs_matching(query) if query.strip() else []
    if query.strip():
        schemes = schemes.filter(slug__in=ranked)
    if filters.support_types:
        schemes = schemes.filter(support_type__in=filters.support_types)
    if filters.organisations:
        schemes = schemes.filter(organisation__slug__in=filters.organisations)
    if filters.applicants:
        schemes = schemes.filter(applicant__in=filters.applicants)
    if filters.new_within_days:
        since = timezone.now() - datetime.timedelta(days=filters.new_within_days)
        schemes = schemes.alias(listed_at=LISTED_AT).filter(listed_at__gte=since)
    schemes = schemes.with_status(filters.statuses or ACCEPTING_APPLICATIONS, today=today)
    # Simplified pages read (and so sort by) the Traditional names.
    name = "name_en" if _is_english(language_code) else "name_zh_hant"
    if sort == SchemeSort.RELEVANCE and ranked:
        rank = Case(
            *(When(slug=slug, then=Value(i)) for i, slug in enumerate(ranked)),
            output_field=IntegerField(),
        )
        return schemes.order_by(rank, name, "pk")
    return schemes.order_by(*_ordering(sort, name, today))


def scheme_slugs_matching(query: str) -> list[str]:
    """Slugs of the schemes the search engine finds for `query`, best first."""
    hits = current_index().search(query, kinds={"scheme"}, limit=MAX_KEYWORD_MATCHES)
    matching = [hit for hit in hits if hit.coverage >= FINDER_MIN_COVERAGE]
    matching.sort(key=lambda hit: -hit.lexical)  # by the words it matched, as site search
    found = (hit.document.extra.get("slug") for hit in matching)
    return list(dict.fromkeys(slug for slug in found if slug))


def _ordering(sort: str, name: str, today: datetime.date) -> list:
    if sort == SchemeSort.CLOSING:
        # Closing soonest first, then those open all year, then any already closed.
        closed_last = Case(
            When(closes_on__isnull=True, then=Value(1)),
            When(Q(closes_on__lt=today), then=Value(2)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return [closed_last, F("closes_on").asc(nulls_last=True), name, "pk"]
    if sort == SchemeSort.NEWEST:
        return [LISTED_AT.desc(), name, "pk"]
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
def finder_matches(*, query: str, filters: SchemeFilters, sort: str) -> tuple[int, ...]:
    """The primary keys of the finder's matches today in Hong Kong, in order: counting them
    and paging through them builds no scheme (the finder's pages and the API read their own).
    Remembered per search: not a count and a query the ORM must build again, with
    modeltranslation's rewriting, on every request."""
    today = timezone.localdate()
    schemes = scheme_search(query=query, filters=filters, sort=sort, today=today)
    return tuple(schemes.values_list("pk", flat=True))  # shared by requests: not changed


def scheme_cards(pks: Sequence[int]) -> list[Scheme]:
    """The schemes `pks` name, in that order, with the fields their cards show."""
    schemes = Scheme.objects.filter(pk__in=pks).select_related("organisation")
    by_pk = {scheme.pk: scheme for scheme in schemes.only(*CARD_FIELDS)}
    return [by_pk[pk] for pk in pks if pk in by_pk]


class FinderResults(Sequence):
    """The finder's matches for a paginator: a page reads its own twenty cards, not all the
    matches (a wide row and a model built per scheme, most of the finder's time at 200)."""

    def __init__(self, pks: tuple[int, ...]):
        self.pks = pks

    def __len__(self) -> int:
        return len(self.pks)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return scheme_cards(self.pks[index])
        return scheme_cards([self.pks[index]])[0]


# A scheme with its sections and contacts is about 50 KB: the pages asked for most are kept,
# not a thousand of them (50 MB a worker at 50x the seed).
@content_memo(max_entries=100)
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
