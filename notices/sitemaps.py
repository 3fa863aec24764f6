from notices.models import Notice
from portal.sitemaps import LanguageSitemap, sitemap_register


class NoticeSitemap(LanguageSitemap):
    """Each statement's own page; the main one is the section page `notices:list`."""

    changefreq = "yearly"
    fields = ("slug", "last_revised")

    def items(self):
        return Notice.objects.published().statements()

    def lastmod(self, notice):
        return notice.last_revised


sitemap_register("notices", NoticeSitemap)
