from django.urls import reverse

from events.models import Event
from portal.sitemaps import LanguageSitemap, sitemap_register


class EventSitemap(LanguageSitemap):
    """Every published event, and the archive page."""

    def items(self):
        return ["events:past", *Event.objects.published().order_by("pk")]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return None if isinstance(item, str) else item.updated_at


sitemap_register("events", EventSitemap)
