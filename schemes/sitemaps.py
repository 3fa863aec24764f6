from portal.sitemaps import LanguageSitemap, sitemap_register

from .models import Scheme


class SchemeSitemap(LanguageSitemap):
    changefreq = "monthly"

    def items(self):
        return Scheme.objects.published().order_by("pk")

    def lastmod(self, scheme):
        return scheme.updated_at


sitemap_register("schemes", SchemeSitemap)
