"""iCalendar (RFC 5545) files for one event or a feed of events, built with `icalendar`."""

import datetime

import icalendar
from django.utils.html import strip_tags

from events.models import HONG_KONG, Event

ICAL_STATUS = {
    Event.EventStatus.SCHEDULED: "CONFIRMED",
    Event.EventStatus.POSTPONED: "TENTATIVE",
    Event.EventStatus.CANCELLED: "CANCELLED",
}


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
        component.add("dtstart", event.starts_at.astimezone(HONG_KONG))
        if event.ends_at:
            component.add("dtend", event.ends_at.astimezone(HONG_KONG))
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
    for component in components:
        calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar.to_ical()
