"""Event lists that other apps' pages include; the queries live in events.selectors."""

from django import template
from django.utils import timezone

from events import selectors

register = template.Library()


@register.simple_tag
def organisation_events(organisation):
    return selectors.organisation_events(organisation=organisation, now=timezone.now())


@register.simple_tag
def next_events(limit=3):
    return list(selectors.event_list_public(now=timezone.now())[:limit])
