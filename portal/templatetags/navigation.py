from django import template
from django.urls import reverse

from portal.navigation import SECTIONS

register = template.Library()


@register.inclusion_tag("includes/_primary_nav.html", takes_context=True)
def primary_navigation(context):
    """Section links, the current one marked: "page" on its front page, "true" below it."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    items = []
    for namespace, url_name, label in SECTIONS:
        url = reverse(url_name)
        current = ""
        if match and match.namespace == namespace:
            current = "page" if request.path == url else "true"
        items.append({"url": url, "label": label, "current": current})
    return {"items": items}
