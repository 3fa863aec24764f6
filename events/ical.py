"""iCalendar (RFC 5545) files for one event or a feed of events, built with `icalendar`."""

import datetime
import functools

import icalendar
from django.utils.html import strip_tags

from events.models import HONG_KONG, Event

ICAL_STATUS = {
    Event.EventStatus.SCHEDULED: "CONFIRMED",
    Event.EventStatus.POSTPONED: "TENTATIVE",
    Event.EventStatus.CANCELLED: "CANCELLED",
}


# Times are written as Hong Kong wall-clock times with this TZID. Given an aware datetime,
# icalendar looks the zone's equivalent names up on every property (a sorted set of dozens):
# most of a 50-event feed's time.
TZID = str(HONG_KONG)


def hong_kong_time(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(HONG_KONG).replace(tzinfo=None)


@functools.cache
def hong_kong_timezone() -> icalendar.Timezone:
    """The VTIMEZONE for TZID, worked out once per process: icalendar builds it from every
    transition of the zone (tens of milliseconds), and Hong Kong's past does not change."""
    return icalendar.Timezone.from_tzid(TZID)


def event_location(event: Event) -> str:
    return ", ".join(part for part in (event.venue_name, event.venue_address) if part) or (
        event.online_url
    )


def ical_event(*, event: Event, url: str, host: str, now: datetime.datetime) -> icalendar.Event:
    component = icalendar.Event()
    # The primary key never changes, so calendar apps update the same entry.
    component.add("uid", f"event-{event.pk}@{host}")
    component.add("dtstamp", now)
    component.add("last-modified", event.updated_at)
    if event.all_day:
        component.add("dtstart", event.start_day)
        component.add("dtend", event.end_day + datetime.timedelta(days=1))
    else:
        component.add("dtstart", hong_kong_time(event.starts_at), parameters={"TZID": TZID})
        if event.ends_at:
            component.add("dtend", hong_kong_time(event.ends_at), parameters={"TZID": TZID})
    component.add("summary", event.title)
    description = "\n\n".join(
        text for text in (event.summary, strip_tags(event.description).strip(), url) if text
    )
    component.add("description", description)
    location = event_location(event)
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("status", ICAL_STATUS[event.event_status])
    return component


def ical_calendar(*, name: str, components) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Trade and Industry Department//Support for SMEs//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Hong_Kong")
    timed = False
    for component in components:
        calendar.add_component(component)
        timed = timed or "TZID" in component["dtstart"].params
    if timed:
        calendar.add_component(hong_kong_timezone())
    return calendar.to_ical()
