"""iCalendar (RFC 5545) files for one event or a feed of events.

The lines are written here: through `icalendar`'s components, each property's value, escaping
and folding took a 50-event feed 15 ms, five times the rest of the request. `icalendar` still
works out the VTIMEZONE (once per process) and reads our files back in the tests.
"""

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
# Times are written as Hong Kong wall-clock times with this zone's TZID and its VTIMEZONE.
TZID = str(HONG_KONG)
FOLD_AT = 75  # octets in a line, its line break left out (RFC 5545 3.1)


@functools.cache
def hong_kong_timezone() -> bytes:
    """The VTIMEZONE for TZID, worked out once per process: icalendar builds it from every
    transition of the zone (tens of milliseconds), and Hong Kong's past does not change."""
    return icalendar.Timezone.from_tzid(TZID).to_ical()


def text(value: str) -> str:
    """A TEXT value, escaped (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def folded(line: str) -> bytes:
    """`line` in UTF-8, split into lines of at most FOLD_AT octets, never inside a character."""
    data = line.encode()
    step = FOLD_AT - 1  # a folded line starts with a space
    parts, start = [], 0
    while len(data) - start > step:
        end = start + step
        while data[end] & 0xC0 == 0x80:  # a byte inside a character: cut before it
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts)


def utc_stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def hong_kong_time(name: str, moment: datetime.datetime) -> str:
    return f"{name};TZID={TZID}:{moment.astimezone(HONG_KONG):%Y%m%dT%H%M%S}"


def event_location(event: Event) -> str:
    return ", ".join(part for part in (event.venue_name, event.venue_address) if part) or (
        event.online_url
    )


def ical_event(*, event: Event, url: str, host: str, now: datetime.datetime) -> list[str]:
    """The lines of the event's VEVENT, in the order icalendar writes them."""
    if event.all_day:
        start = f"DTSTART;VALUE=DATE:{event.start_day:%Y%m%d}"
        end = f"DTEND;VALUE=DATE:{event.end_day + datetime.timedelta(days=1):%Y%m%d}"
    else:
        start = hong_kong_time("DTSTART", event.starts_at)
        end = hong_kong_time("DTEND", event.ends_at) if event.ends_at else None
    description = "\n\n".join(
        part for part in (event.summary, strip_tags(event.description).strip(), url) if part
    )
    location = event_location(event)
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{text(event.title)}",
        start,
        end,
        f"DTSTAMP:{utc_stamp(now)}",
        # The primary key never changes, so calendar apps update the same entry.
        f"UID:{text(f'event-{event.pk}@{host}')}",
        f"DESCRIPTION:{text(description)}",
        f"LAST-MODIFIED:{utc_stamp(event.updated_at)}",
        f"LOCATION:{text(location)}" if location else None,
        f"STATUS:{ICAL_STATUS[event.event_status]}",
        f"URL:{url}",
        "END:VEVENT",
    ]
    return [line for line in lines if line is not None]


def ical_calendar(*, name: str, components) -> bytes:
    """A calendar of the VEVENTs `components` (from `ical_event`), with the VTIMEZONE of the
    times they name."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Trade and Industry Department//Support for SMEs//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
    ]
    timed = False
    for component in components:
        lines += component
        timed = timed or any(line.startswith("DTSTART;TZID=") for line in component)
    written = b"".join(folded(line) + b"\r\n" for line in lines)
    return written + (hong_kong_timezone() if timed else b"") + b"END:VCALENDAR\r\n"
