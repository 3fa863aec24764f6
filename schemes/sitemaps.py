from portal.sitemaps import LanguageSitemap

from .models import Scheme


class SchemeSitemap(LanguageSitemap):
    changefreq = "monthly"

    def items(self):
        return Scheme.objects.published().order_by("pk")

    def lastmod(self, scheme):
        return scheme.updated_at
