from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class LanguageSitemap(Sitemap):
    """A sitemap entry per page and language, each with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class SectionPagesSitemap(LanguageSitemap):
    """The home page and each section's front page."""

    changefreq = "weekly"

    def items(self):
        return ["home", "schemes:list", "events:list", "notices:list", "open-data"]

    def location(self, item):
        return reverse(item)
