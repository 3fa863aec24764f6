from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from portal.site import site_is_secure, site_netloc


class LanguageSitemap(Sitemap):
    """A sitemap entry per page and language, each with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True

    def get_domain(self, site=None):
        return site_netloc()

    def get_protocol(self, protocol=None):
        return "https" if site_is_secure() else "http"


class SectionPagesSitemap(LanguageSitemap):
    """The home page and each section's front page."""

    changefreq = "weekly"

    def items(self):
        return ["home", "schemes:list", "events:list", "notices:list", "open-data"]

    def location(self, item):
        return reverse(item)
