from django import template
from django.utils import timezone

from schemes.selectors import scheme_list_open
from schemes.status import scheme_status

register = template.Library()


@register.filter
def status_on(scheme, today):
    """{{ scheme|status_on:today }}: the scheme's status on that date."""
    return scheme_status(scheme, today=today)


@register.simple_tag
def open_schemes(limit=5):
    """{% open_schemes as schemes %}: schemes open to applicants today in Hong Kong."""
    return scheme_list_open(today=timezone.localdate(), limit=limit)


@register.simple_tag
def hong_kong_today():
    """{% hong_kong_today as today %}: for statuses in partials that have no view context."""
    return timezone.localdate()


@register.filter
def thousands(value):
    """6000000 → "6,000,000" in every language (zh-hant's locale format does not group)."""
    return f"{value:,}" if isinstance(value, int) else value
