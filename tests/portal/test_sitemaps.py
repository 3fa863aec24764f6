"""The sitemap index, one sitemap per section, and every address in them answering."""

import re
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.factories import make_event
from tests.notices.factories import make_notice
from tests.portal.factories import make_organisation
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db

LOC = re.compile(r"<loc>([^<]+)</loc>")
ALTERNATE = re.compile(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>')


def section_sitemaps(client) -> dict[str, str]:
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert index["Content-Type"].startswith("application/xml")
    assert "<sitemapindex" in index.content.decode()
    return {
        location: client.get(path_and_query(location)).content.decode()
        for location in LOC.findall(index.content.decode())
    }


def path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


@pytest.fixture
def content():
    organisation = make_organisation(slug="tid")
    make_scheme(slug="sgs", organisation=organisation)
    make_event(slug="expo")
    make_notice(slug="important-notices")
    make_notice(slug="privacy-policy")


def test_sitemap_index_lists_one_sitemap_per_section(client, content):
    sections = [urlsplit(location).path for location in section_sitemaps(client)]
    assert sections == [
        f"/sitemap-{name}.xml"
        for name in ("sections", "schemes", "events", "notices", "organisations")
    ]


def test_every_location_and_alternate_in_the_sitemaps_answers_200(client, content):
    addresses = set()
    for body in section_sitemaps(client).values():
        addresses.update(LOC.findall(body))
        addresses.update(href for _lang, href in ALTERNATE.findall(body))
    assert len(addresses) == 30  # ten pages in three languages
    failing = {
        url: status
        for url in sorted(addresses)
        if (status := client.get(path_and_query(url)).status_code) != 200
    }
    assert failing == {}


def test_x_default_is_the_english_page(client, content):
    body = client.get("/sitemap-schemes.xml").content.decode()
    alternates = dict(ALTERNATE.findall(body))
    assert alternates["x-default"] == "http://testserver/en/schemes/sgs/"
    assert alternates["en"] == alternates["x-default"]


def test_organisation_pages_are_in_the_sitemap(client, content):
    body = client.get("/sitemap-organisations.xml").content.decode()
    for prefix in ("en", "tc", "sc"):
        assert f"<loc>http://testserver/{prefix}/organisations/tid/</loc>" in body


def test_an_unknown_section_or_page_is_a_404(client, content):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-schemes.xml?p=9").status_code == 404


def test_sitemaps_are_kept_in_the_page_cache_until_content_changes(client, content):
    for path in ("/sitemap.xml", "/sitemap-schemes.xml"):
        assert client.get(path)["X-Page-Cache"] == "miss"
        assert client.get(path)["X-Page-Cache"] == "hit"
    make_scheme(slug="new-fund")
    response = client.get("/sitemap-schemes.xml")
    assert response["X-Page-Cache"] == "miss"
    assert "/en/schemes/new-fund/" in response.content.decode()


def test_a_full_sitemap_page_with_the_longest_slugs_is_kept_in_the_page_cache(client, settings):
    from portal.sitemaps import LanguageSitemap

    for number in range(LanguageSitemap.limit // 3 + 1):
        make_event(slug=f"{number:03}-" + "x" * 96)  # the longest slug an event may have
    first = client.get("/sitemap-events.xml")
    assert first.content.decode().count("<url>") == LanguageSitemap.limit
    assert len(first.content) <= settings.PAGE_CACHE_MAX_BYTES
    assert first["X-Page-Cache"] == "miss"
    assert client.get("/sitemap-events.xml")["X-Page-Cache"] == "hit"
    assert client.get("/sitemap-events.xml?p=2").status_code == 200


def page_entries(client, path: str) -> list[str]:
    return LOC.findall(client.get(path).content.decode())


@pytest.mark.usefixtures("uncached_pages")
def test_pages_split_an_items_languages_as_djangos_list_of_every_entry(client, monkeypatch):
    from portal.sitemaps import LanguageSitemap

    monkeypatch.setattr(LanguageSitemap, "limit", 4)  # an item's three entries over two pages
    events = [make_event(slug=f"event-{number}") for number in range(3)]
    pages = [page_entries(client, f"/sitemap-events.xml?p={page}") for page in (1, 2, 3)]
    assert [len(page) for page in pages] == [4, 4, 4]
    paths = ["/events/past/", *(event.get_absolute_url()[3:] for event in events)]
    assert sum(pages, []) == [
        f"http://testserver/{prefix}{path}" for path in paths for prefix in ("en", "tc", "sc")
    ]
    assert client.get("/sitemap-events.xml?p=4").status_code == 404
    index = LOC.findall(client.get("/sitemap.xml").content.decode())
    assert [url for url in index if "events" in url] == [
        "http://testserver/sitemap-events.xml",
        "http://testserver/sitemap-events.xml?p=2",
        "http://testserver/sitemap-events.xml?p=3",
    ]


def test_paged_entries_slice_as_the_list_of_every_entry():
    from portal.sitemaps import PagedEntries

    routes, items, languages = ["home"], ["a", "b", "c", "d"], ["en", "zh-hant", "zh-hans"]
    every = [(item, language) for item in routes + items for language in languages]
    entries = PagedEntries(routes, items, languages)
    assert len(entries) == len(every)
    for start in range(len(every) + 1):
        for stop in range(start, len(every) + 2):
            assert entries[start:stop] == every[start:stop], (start, stop)


def make_content(numbers: range) -> None:
    for number in numbers:
        organisation = make_organisation()
        make_scheme(organisation=organisation)
        make_event()
        make_notice(slug=f"statement-{number}")


@pytest.mark.usefixtures("uncached_pages")
def test_sitemap_query_counts_do_not_grow_with_content(client):
    """Each page reads its own items' addresses and dates, not every item's deferred column."""
    paths = [
        "/sitemap.xml",
        *(f"/sitemap-{name}.xml" for name in ("schemes", "events", "notices", "organisations")),
    ]

    def queries() -> dict[str, int]:
        counts = {}
        for path in paths:
            with CaptureQueriesContext(connection) as context:
                assert client.get(path).status_code == 200
            counts[path] = len(context.captured_queries)
        return counts

    make_content(range(1))
    one = queries()
    make_content(range(1, 50))
    assert queries() == one
    assert max(one.values()) <= 4  # the index counts each section's items; a page, 2 queries


def test_urls_are_written_as_the_template_loop_wrote_them():
    """The tag writes the markup Django's template loop wrote, character for character."""
    import datetime

    from django.template import engines

    loop = engines["django"].from_string(
        "{% load languages %}{% spaceless %}{% for url in urlset %}<url>"
        "<loc>{{ url.location }}</loc>"
        '{% if url.lastmod %}<lastmod>{{ url.lastmod|date:"Y-m-d" }}</lastmod>{% endif %}'
        "{% if url.changefreq %}<changefreq>{{ url.changefreq }}</changefreq>{% endif %}"
        "{% for alternate in url.alternates %}"
        '<xhtml:link rel="alternate" hreflang="{{ alternate.lang_code|bcp47 }}" '
        'href="{{ alternate.location }}"/>{% endfor %}</url>{% endfor %}{% endspaceless %}'
    )
    tag = engines["django"].from_string("{% load sitemaps %}{% sitemap_urls urlset %}")
    alternates = [
        {"location": "https://example.org/tc/a&b/", "lang_code": "zh-hant"},
        {"location": "https://example.org/en/<a>/", "lang_code": "x-default"},
    ]
    urlset = [
        {
            "location": "https://example.org/en/a&b/",
            "lastmod": datetime.datetime(2024, 5, 1, 20, 30, tzinfo=datetime.UTC),  # HK: 2 May
            "changefreq": "monthly",
            "alternates": alternates,
        },
        {"location": "/x", "lastmod": datetime.date(2024, 5, 2), "changefreq": None},
        {"location": "/y", "lastmod": None, "changefreq": "weekly", "alternates": []},
    ]
    urlset[1]["alternates"] = []
    assert "<lastmod>2024-05-02</lastmod>" in tag.render({"urlset": urlset})
    assert tag.render({"urlset": urlset}) == loop.render({"urlset": urlset})
