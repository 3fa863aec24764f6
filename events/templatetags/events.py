"""Event lists that other apps' pages include; the queries live in events.selectors."""

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import pgettext

from events import selectors
from events.models import Event
from portal.templatetags.dates import html_datetime

register = template.Library()


@register.simple_tag
def organisation_events(organisation):
    return selectors.organisation_events(organisation=organisation, now=timezone.now())


@register.simple_tag
def next_events(limit=3):
    return selectors.event_list_next(limit=limit)


@register.simple_tag
def event_when(event):
    """When `event` happens, as `<time>` elements at the precision it is known to.

    In Python rather than template tags: event lists show it for every item, and the template
    version (a dozen variable lookups and filters per event) was a fifth of a list's time.
    """
    starts = timezone.template_localtime(event.starts_at)
    if event.date_precision == Event.Precision.YEAR:
        year_format = pgettext("date format of an event known only by its year", "Y")
        return _time(formats.date_format(starts, "Y"), formats.date_format(starts, year_format))
    if event.date_precision == Event.Precision.MONTH:
        return _time(
            formats.date_format(starts, "Y-m"), formats.date_format(starts, "YEAR_MONTH_FORMAT")
        )
    ends = timezone.template_localtime(event.ends_at)
    if event.all_day:
        when = _time(formats.date_format(starts, "Y-m-d"), formats.date_format(starts))
        if event.end_day != event.start_day:
            ends_day = _time(formats.date_format(ends, "Y-m-d"), formats.date_format(ends))
            when = format_html("{} – {}", when, ends_day)
        return when
    when = _time(html_datetime(event.starts_at), formats.date_format(starts, "DATETIME_FORMAT"))
    if not ends:
        return when
    if event.end_day == event.start_day:
        return format_html(
            "{}–{}", when, _time(html_datetime(event.ends_at), formats.time_format(ends))
        )
    ends_at = _time(html_datetime(event.ends_at), formats.date_format(ends, "DATETIME_FORMAT"))
    return format_html("{} – {}", when, ends_at)


def _time(machine_readable: str, shown: str) -> str:
    return format_html('<time datetime="{}">{}</time>', machine_readable, shown)
