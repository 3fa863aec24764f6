from django import template
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.html import format_html

register = template.Library()

DASHES = "--:--"


@register.simple_tag
def weather_time(record_time):
    """The reading's Hong Kong time as "14:00" in a <time>, or the original page's dashes."""
    if not record_time:
        return DASHES
    local = timezone.localtime(record_time)
    return format_html(
        '<time datetime="{}">{}</time>', local.isoformat(), time_format(local, "H:i")
    )
