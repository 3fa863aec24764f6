from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value) -> str:
    """A `<time datetime>` value in Hong Kong time, to the second.

    Django's "c" format adds microseconds when there are any, which HTML does not allow.
    """
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()
