"""What the open data API exposes of events: the calendar, by date range and organiser."""

import datetime
import decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router

from portal.api import ApiResource, register_resource
from portal.api.lists import list_page, one_record
from portal.api.schemas import (
    Choice,
    Data,
    Day,
    DetailParameters,
    ListParameters,
    LocalisedText,
    Reference,
    RichText,
    Slug,
    page_of,
    slug_in_path,
)
from portal.i18n.data import (
    PREFIXES,
    localised_choice,
    localised_rich_text,
    localised_text,
    localised_url,
)
from portal.pagecache.memo import content_memo

from .models import Event
from .selectors import events_public

router = Router()


class EventListParameters(ListParameters):
    date_from: Day = Field(
        None,
        description=gettext_noop("Events on this Hong Kong day or later"),
        examples=["2025-01-01"],
    )
    date_to: Day = Field(
        None,
        description=gettext_noop("Events on this Hong Kong day or earlier"),
        examples=["2025-12-31"],
    )
    organiser: list[Slug] = Field([], description=gettext_noop("Slugs of organisers (any of them)"))
    category: list[Event.Category] = Field([], description=gettext_noop("Categories (any of them)"))


class EventOut(Data):
    """An event on the calendar: a seminar, trade fair, mission…"""

    slug: str = Field(description=gettext_noop("Its address, the same in every language"))
    title: LocalisedText = Field(description=gettext_noop("Title"))
    summary: LocalisedText = Field(description=gettext_noop("Summary"))
    description: RichText = Field(description=gettext_noop("Description"))
    starts_at: datetime.datetime = Field(
        description=gettext_noop("When it starts (Hong Kong time)")
    )
    ends_at: datetime.datetime | None = Field(description=gettext_noop("When it ends"))
    all_day: bool = Field(description=gettext_noop("Whether it has no time of day"))
    date_precision: Choice = Field(
        description=gettext_noop("Known to the day, the month or the year")
    )
    category: Choice = Field(description=gettext_noop("Category"))
    event_status: Choice = Field(description=gettext_noop("Scheduled, postponed or cancelled"))
    status_note: LocalisedText = Field(
        description=gettext_noop("Why it was postponed or cancelled")
    )
    venue_name: LocalisedText = Field(description=gettext_noop("Venue"))
    venue_address: LocalisedText = Field(description=gettext_noop("Venue address"))
    online_url: str | None = Field(description=gettext_noop("Link to join online"))
    organisers: list[Reference] = Field(
        description=gettext_noop("Organisers, co-organisers and sponsors")
    )
    is_free: bool = Field(description=gettext_noop("Free of charge"))
    fee_hkd: decimal.Decimal | None = Field(description=gettext_noop("Fee in Hong Kong dollars"))
    registration_url: str | None = Field(description=gettext_noop("Where to register"))
    registration_deadline: datetime.datetime | None = Field(
        description=gettext_noop("Registration deadline")
    )
    delivery_language: Choice | None = Field(description=gettext_noop("Language of delivery"))
    url: LocalisedText = Field(description=gettext_noop("The event's page in each language"))
    updated_at: datetime.datetime = Field(description=gettext_noop("Last changed on the site"))


EventPage = page_of(EventOut, "EventPage")


def event_record(event: Event, prefixes) -> dict:
    language = event.delivery_language
    return {
        "slug": event.slug,
        **{
            field: localised_text(event, field, prefixes)
            for field in ("title", "summary", "status_note", "venue_name", "venue_address")
        },
        "description": localised_rich_text(event, "description", prefixes),
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "all_day": event.all_day,
        "date_precision": localised_choice(Event.Precision(event.date_precision), prefixes),
        "category": localised_choice(Event.Category(event.category), prefixes),
        "event_status": localised_choice(Event.EventStatus(event.event_status), prefixes),
        "online_url": event.online_url or None,
        "organisers": [
            {"slug": organiser.slug, "name": localised_text(organiser, "name", prefixes)}
            for organiser in event.organisers.all()
        ],
        "is_free": event.is_free,
        "fee_hkd": event.fee_hkd,
        "registration_url": event.registration_url or None,
        "registration_deadline": event.registration_deadline,
        "delivery_language": localised_choice(Event.DeliveryLanguage(language), prefixes)
        if language
        else None,
        "url": localised_url(event.get_absolute_url(), prefixes),
        "updated_at": event.updated_at,
    }


@content_memo(max_entries=32)  # pages of records: a few kept
def event_records(pks: tuple[int, ...], prefixes: tuple[str, ...]) -> list[dict]:
    """The published events among `pks`, in that order, with their published organisers."""
    found = events_public(now=timezone.now()).in_bulk(pks)
    return [event_record(found[pk], prefixes) for pk in pks if pk in found]


@content_memo
def event_pks(
    *, date_from: datetime.date | None, date_to: datetime.date | None, organisers, categories
) -> list[int]:
    events = Event.objects.published().between(date_from, date_to)
    if organisers:
        events = events.filter(organisers__slug__in=organisers).distinct()
    if categories:
        events = events.filter(category__in=categories)
    return list(events.values_list("pk", flat=True))


def _changed(since, now):
    changed = Event.objects.published(now).changed_since(since, now=now, related=("organisers",))
    return changed.values_list("pk", flat=True)


@router.get("", response=EventPage, exclude_unset=True, summary="Events")
def event_list(request, parameters: Query[EventListParameters]):
    """Published events, past and upcoming, by start time; an event spanning several days is
    on each of them."""
    pks = event_pks(
        date_from=parameters.date_from,
        date_to=parameters.date_to,
        organisers=tuple(sorted(parameters.organiser)),
        categories=tuple(sorted(parameters.category)),
    )
    return list_page(
        request, parameters, pks=pks, changed=_changed, model=Event, records=event_records
    )


@router.get("{slug}/", response=EventOut, exclude_unset=True, summary="One event")
def event_detail(
    request, slug: str = slug_in_path("world-sme-expo-2002"), *, parameters: Query[DetailParameters]
):
    found = Event.objects.published().filter(slug=slug).values_list("pk", flat=True)
    return one_record(event_records, found, parameters.prefixes)


register_resource(
    ApiResource(
        name="events",
        router=router,
        item_schema=EventOut,
        all_records=lambda: event_records(
            tuple(event_pks(date_from=None, date_to=None, organisers=(), categories=())),
            PREFIXES,
        ),
        title=_("Events"),
        order=2,
    )
)
