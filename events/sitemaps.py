from events.models import Event
from portal.sitemaps import LanguageSitemap, sitemap_register


class EventSitemap(LanguageSitemap):
    """Every published event, and the archive page."""

    routes = ("events:past",)

    def items(self):
        return Event.objects.published().order_by("pk")

    def lastmod(self, item):
        return None if isinstance(item, str) else item.updated_at


sitemap_register("events", EventSitemap)
