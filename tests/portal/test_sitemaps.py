"""The sitemap index, one sitemap per section, and every address in them answering."""

import re
from urllib.parse import urlsplit

import pytest

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
