"""Reading events for the pages: filtering, grouping by month or year, the month grid."""

import calendar
import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Prefetch
from django.utils import timezone

from events.models import Event
from portal.models import Organisation
from portal.pagecache.memo import content_memo

# Month pages exist for these years only, so prev/next links end somewhere sensible.
MIN_YEAR = 1900
MAX_YEAR = 2100
SUNDAY = 6


def events_public(*, now):
    """Published events, each with its published organisers (read in one extra query)."""
    return Event.objects.published(now).prefetch_related(organisers_prefetch(now=now))


def event_list_public(*, now, category: str = "", organiser: Organisation | None = None):
    """Published upcoming events, optionally of one category or organiser."""
    events = events_public(now=now).upcoming(now)
    if category:
        events = events.filter(category=category)
    if organiser:
        events = events.filter(organisers=organiser)
    return events


@content_memo
def event_list_next(*, limit: int) -> list[Event]:
    """The next few upcoming events, for the home page."""
    return list(event_list_public(now=timezone.now())[:limit])


# What event pages show of an organiser (its name, linked by slug): an organisation row also
# carries its description, address and contacts in both languages, which cost time to read.
ORGANISER_FIELDS = ("slug", "name")


# What a list shows of an event (events/includes/_event_item.html, event_when): a row read
# whole is some 40 columns, each set on the model, for every event of a page.
LIST_FIELDS = (
    "slug",
    "title",
    "starts_at",
    "ends_at",
    "all_day",
    "date_precision",
    "venue_name",
    "online_url",
    "category",
    "event_status",
)


def for_list(events):
    """`events` with only the columns that lists show."""
    return events.only(*LIST_FIELDS)


def organisers_prefetch(*, now) -> Prefetch:
    organisers = Organisation.objects.published(now).only(*ORGANISER_FIELDS)
    return Prefetch("organisers", queryset=organisers)


# Lists kept by `content_memo` are shared by every request in this process: views and templates
# read them and never change them.


# Events a list page shows; the database counts them and reads one page at a time, so a page
# costs the same with ten events or ten thousand.
UPCOMING_PAGE_SIZE = 20
PAST_PAGE_SIZE = 20
# The next events a calendar or Atom feed carries: subscribers read them again and again.
FEED_LIMIT = 50


def event_list_upcoming(*, now, **filters):
    """The upcoming list for one choice of filters (`EventFilterForm.filters()`), to page."""
    return for_list(event_list_public(now=now, **filters))


def event_list_past(*, now):
    """Published past events, newest first, for the pages of the archive."""
    return for_list(events_public(now=now)).past(now)


def event_list_feed(events):
    """The first FEED_LIMIT of `events` (upcoming, in date order), for a feed. Feeds name no
    organisers: reading them was half of a full feed's time."""
    return events.prefetch_related(None)[:FEED_LIMIT]


@content_memo
def event_list_in_month(*, year: int, month: int) -> list[Event]:
    """Published events on any day of the month, except those known only by their year."""
    events = for_list(events_public(now=timezone.now())).in_month(year, month)
    return list(events.exclude(date_precision=Event.Precision.YEAR))


@content_memo
def event_page(slug: str) -> Event | None:
    """The published event with this slug and its published organisers, or None."""
    return events_public(now=timezone.now()).filter(slug=slug).first()


@content_memo
def organisation_list_with_upcoming_events() -> list[Organisation]:
    """Organisations to offer in the organiser filter, by name."""
    now = timezone.now()
    upcoming = Event.objects.published(now).upcoming(now)
    organisations = Organisation.objects.published(now).filter(events__in=upcoming)
    return list(organisations.distinct().only(*ORGANISER_FIELDS))


@dataclass
class EventGroup:
    period: datetime.date  # the first day of the month or year
    events: list = field(default_factory=list)


def events_by_month(events) -> list[EventGroup]:
    """Consecutive events grouped by the Hong Kong month they start in."""
    return [
        EventGroup(period, list(group))
        for period, group in groupby(events, key=lambda event: event.start_day.replace(day=1))
    ]


def events_by_year(events) -> list[EventGroup]:
    return [
        EventGroup(datetime.date(year, 1, 1), list(group))
        for year, group in groupby(events, key=lambda event: event.start_day.year)
    ]


@dataclass
class CalendarDay:
    day: datetime.date
    in_month: bool
    is_today: bool
    events: list


@dataclass
class MonthCalendar:
    month: datetime.date
    today: datetime.date
    weekdays: list[datetime.date]  # one date per column, for the header names
    weeks: list[list[CalendarDay]]
    events: list
    previous: datetime.date | None
    next: datetime.date | None

    @property
    def event_ids(self) -> str:
        """Which events are shown, to key the rendered grid by: an event whose publishing
        window opens or closes leaves the grid as soon as it leaves `events`."""
        return ",".join(str(event.pk) for event in self.events)


def month_is_shown(year: int, month: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12


def month_calendar(*, year: int, month: int, events, today: datetime.date) -> MonthCalendar:
    """Weeks from Sunday to Saturday; an event appears on every day of the month it spans."""
    events = list(events)
    weeks = calendar.Calendar(firstweekday=SUNDAY).monthdatescalendar(year, month)
    by_day = {}
    for event in (event for event in events if event.has_exact_day):
        day = max(event.start_day, datetime.date(year, month, 1))
        while day <= event.end_day and day.month == month:
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    first = datetime.date(year, month, 1)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=31)).replace(day=1)
    return MonthCalendar(
        month=first,
        today=today,
        weekdays=weeks[0],
        weeks=[
            [
                CalendarDay(day, day.month == month, day == today, by_day.get(day, []))
                for day in week
            ]
            for week in weeks
        ],
        events=events,
        previous=previous if month_is_shown(previous.year, previous.month) else None,
        next=following if month_is_shown(following.year, following.month) else None,
    )


def organisation_events(
    *, organisation: Organisation, now, upcoming_limit: int = 20, past_limit: int = 50
) -> dict:
    """The organisation's next and latest events, for its page; `more_upcoming` when the
    events list (filtered by organiser) has more."""
    events = for_list(organisation.events.published(now))
    upcoming = list(events.upcoming(now)[: upcoming_limit + 1])
    return {
        "upcoming": upcoming[:upcoming_limit],
        "more_upcoming": len(upcoming) > upcoming_limit,
        "past": list(events.past(now)[:past_limit]),
    }


def registration_is_open(*, event: Event, now) -> bool:
    if not event.registration_url or event.is_cancelled:
        return False
    return event.registration_deadline is None or event.registration_deadline >= now
