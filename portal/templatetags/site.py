from django import template

from portal.site import absolute_url as site_absolute_url

register = template.Library()


@register.simple_tag
def absolute_url(path: str) -> str:
    """`{% absolute_url path %}`: the path on the public site (SITE_URL), never the request's
    Host."""
    return site_absolute_url(path)
