"""portal.site: absolute URLs come from SITE_URL, never from the Host header a client sends."""

import re

import pytest
from icalendar import Calendar

from portal.site import absolute_url, site_domain, site_netloc
from tests.events.factories import make_event
from tests.schemes.factories import make_scheme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("whole_fresh_window")]

ODD_HOST = "localhost:6666"  # in ALLOWED_HOSTS: any port passes


@pytest.fixture
def public_site(settings):
    settings.SITE_URL = "https://sme.example.gov.hk/"


def test_absolute_url_joins_the_path_to_site_url(public_site):
    assert absolute_url("/en/schemes/") == "https://sme.example.gov.hk/en/schemes/"
    assert absolute_url("https://elsewhere.example/x") == "https://elsewhere.example/x"
    assert site_domain() == site_netloc() == "sme.example.gov.hk"


def test_site_domain_leaves_out_the_port(settings):
    settings.SITE_URL = "http://127.0.0.1:8123"
    assert site_domain() == "127.0.0.1"
    assert site_netloc() == "127.0.0.1:8123"


def test_scheme_page_canonical_open_graph_json_ld_and_hreflang_use_site_url(client, public_site):
    scheme = make_scheme(slug="fund")
    body = client.get(f"/en/schemes/{scheme.slug}/", HTTP_HOST=ODD_HOST).content.decode()
    assert 'rel="canonical" href="https://sme.example.gov.hk/en/schemes/fund/"' in body
    assert 'property="og:url" content="https://sme.example.gov.hk/en/schemes/fund/"' in body
    assert '"url": "https://sme.example.gov.hk/en/schemes/fund/"' in body
    assert 'hreflang="zh-Hant-HK" href="https://sme.example.gov.hk/tc/schemes/fund/"' in body
    assert "6666" not in body


def test_calendar_uids_links_and_webcal_use_site_url(client, public_site):
    event = make_event(slug="talk")
    ics = client.get(f"/en/events/{event.slug}/calendar.ics", HTTP_HOST=ODD_HOST)
    component = next(c for c in Calendar.from_ical(ics.content).walk() if c.name == "VEVENT")
    assert component["UID"] == f"event-{event.pk}@sme.example.gov.hk"
    assert component["URL"] == "https://sme.example.gov.hk/en/events/talk/"
    page = client.get("/en/events/", HTTP_HOST=ODD_HOST).content.decode()
    assert "webcal://sme.example.gov.hk/en/events/feed.ics" in page


@pytest.mark.parametrize(
    "path", ["/en/schemes/feed/", "/sitemap.xml", "/sitemap-schemes.xml", "/robots.txt"]
)
def test_feeds_sitemap_and_robots_use_site_url(client, public_site, path):
    make_scheme(slug="fund")
    body = client.get(path, HTTP_HOST=ODD_HOST).content.decode()
    assert "https://sme.example.gov.hk/" in body
    assert not re.search(r"https?://localhost", body)


def test_a_made_up_host_or_port_does_not_add_a_copy_to_the_page_cache(client):
    assert client.get("/en/", HTTP_HOST="localhost:1111")["X-Page-Cache"] == "miss"
    assert client.get("/en/", HTTP_HOST="localhost:2222")["X-Page-Cache"] == "hit"
