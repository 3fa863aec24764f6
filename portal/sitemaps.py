"""The sitemap index and one sitemap per section, which each app registers here.

An app calls `sitemap_register("schemes", SchemeSitemap)` in its `sitemaps.py` module, which
PortalConfig autodiscovers, as it does the search sources; `portal` never imports a content
app. The sitemaps are served through the page cache (they declare their one query parameter,
the page `p`), so they are rebuilt only when the content generation moves.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import QuerySet
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse

from portal.i18n import languages
from portal.i18n.urls import path_in_language
from portal.middleware import safe_methods_only
from portal.models import Organisation
from portal.site import absolute_url, site_is_secure, site_netloc

_sitemaps: dict[str, type[Sitemap]] = {}


def sitemap_register(section: str, sitemap: type[Sitemap]) -> None:
    _sitemaps[section] = sitemap


def registered_sitemaps() -> dict[str, type[Sitemap]]:
    return dict(_sitemaps)


class PagedEntries:
    """The (item, language) entries Django's i18n sitemap pages through, `routes` (named pages)
    then `items`, read a page at a time: its length is one COUNT, a slice one query.

    Django's own list holds every item with all its columns, translated texts included, to
    show one page of them (and the index counts pages that way too): 140 ms at 10x the seed.
    """

    def __init__(self, routes, items, languages):
        self.routes, self.items, self.languages = list(routes), items, list(languages)
        count = items.count() if isinstance(items, QuerySet) else len(items)
        self.item_count = len(self.routes) + count

    def __len__(self):
        return self.item_count * len(self.languages)

    def __getitem__(self, index: slice) -> list:
        start, stop, _step = index.indices(len(self))
        width = len(self.languages)
        first, last = start // width, -(-stop // width)  # the items these entries belong to
        skipped = len(self.routes)
        items = self.routes[first:last]
        if last > skipped:
            items += list(self.items[max(first - skipped, 0) : last - skipped])
        entries = [(item, language) for item in items for language in self.languages]
        return entries[start - first * width : stop - first * width]


class LanguageSitemap(Sitemap):
    """A sitemap entry per page and language, each with hreflang alternates.

    The x-default alternate is the English page: Django's would drop the prefix, and
    unprefixed paths answer 404 (only `/` negotiates a language).

    `routes` name pages listed first; `items()` may be a queryset, of which a page reads only
    `fields`, the columns `location` and `lastmod` need. Every item is in every language.
    """

    i18n = True
    alternates = True
    x_default = True
    # Each entry is repeated in three languages with four alternates, about 920 bytes with the
    # longest slug: a full sitemap page must stay under PAGE_CACHE_MAX_BYTES (512 KB), with
    # room for a longer domain, to be kept (1,500 entries, about 1 MB, were rendered afresh
    # for every request: 220-350 ms at 10x the seed).
    limit = 450
    routes: tuple[str, ...] = ()
    fields: tuple[str, ...] = ("slug", "updated_at")

    def _items(self):
        items = self.items()
        if isinstance(items, QuerySet):
            items = items.only(*self.fields)
        return PagedEntries(self.routes, items, self._languages())

    def _location(self, item, force_lang_code=None):
        # Each of an item's entries asks for its address in every language and x-default:
        # reverse it once, as every page has the same path after its language prefix. By id:
        # the page's items live until get_urls returns, and hashing a model reads its pk.
        page, language_code = item
        key = (id(page), force_lang_code or language_code)
        if key not in self._paths:
            if (id(page), None) not in self._paths:
                self._paths[id(page), None] = super()._location(item, settings.LANGUAGE_CODE)
            language = languages.BY_CODE[key[1]]
            self._paths[key] = path_in_language(self._paths[id(page), None], language)
        return self._paths[key]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def get_domain(self, site=None):
        return site_netloc()

    def get_protocol(self, protocol=None):
        return "https" if site_is_secure() else "http"

    def get_urls(self, page=1, site=None, protocol=None):
        self._paths = {}
        urls = super().get_urls(page, site, protocol)
        self._paths = {}
        for url in urls:
            located = {alternate["lang_code"]: alternate for alternate in url["alternates"]}
            if "x-default" in located:
                located["x-default"]["location"] = located[settings.LANGUAGE_CODE]["location"]
        return urls


class SectionPagesSitemap(LanguageSitemap):
    """The home page and each section's front page."""

    changefreq = "weekly"
    routes = ("home", "schemes:list", "events:list", "notices:list", "open-data")


class OrganisationSitemap(LanguageSitemap):
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.published().order_by("pk")

    def lastmod(self, organisation):
        return organisation.updated_at


def _index(request):
    """Each section's sitemap, and its further pages when it has more than `limit` entries."""
    locations = []
    for section, sitemap in _sitemaps.items():
        path = reverse("sitemap-section", kwargs={"section": section})
        pages = sitemap().paginator.num_pages
        locations.append(absolute_url(path))
        locations += [absolute_url(f"{path}?p={page}") for page in range(2, pages + 1)]
    return TemplateResponse(
        request, "sitemap_index.xml", {"locations": locations}, content_type="application/xml"
    )


def _section(request, section):
    if section not in _sitemaps:
        raise Http404("No such sitemap.")
    return sitemap_views.sitemap(
        request, {section: _sitemaps[section]}, section=section, template_name="sitemap.xml"
    )


_index.cache_query_parameters = ()
_section.cache_query_parameters = ("p",)
sitemap_index = safe_methods_only(_index)
sitemap_section = safe_methods_only(_section)
