"""Rendered fragments kept in each process ({% cache ... using="fragments" %}): the page shell
once per language, content fragments (scheme cards, events in lists) per content generation.
These requests carry a parameter the page cache does not keep, so every page is rendered and
what is tested is the fragments alone."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from portal.pagecache.memo import ContentFragments
from tests.events.factories import hong_kong
from tests.portal.factories import make_organisation
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db
RENDERED = "?rendered=1"  # not a parameter any page declares: never served from the page cache


def page(client, url):
    response = client.get(url + RENDERED)
    assert response.status_code == 200, url
    assert "X-Page-Cache" not in response
    return BeautifulSoup(response.content, "html.parser")


def test_each_language_has_its_own_shell(client):
    names = {}
    for language in ("en", "tc", "sc", "en"):
        soup = page(client, f"/{language}/")
        names.setdefault(language, set()).add(soup.select_one("#assistant-toggle").get_text())
        assert soup.select_one(".site-footer__links a").get_text()
    assert names == {"en": {"Ask a question"}, "tc": {"查詢助理"}, "sc": {"查询助理"}}


def test_a_changed_scheme_shows_in_its_card_at_once(client):
    organisation = make_organisation(slug="body")
    scheme = make_scheme(organisation=organisation, name_en="Old name")
    assert "Old name" in page(client, "/en/schemes/").select_one(".scheme-card").get_text()
    scheme.name_en = "New name"
    scheme.save()
    for url in ("/en/schemes/", "/en/organisations/body/"):
        assert "New name" in page(client, url).select_one(".scheme-card").get_text()


def test_a_card_shows_the_status_of_the_day(client, time_machine):
    time_machine.move_to(hong_kong(2030, 3, 1, 23, 59), tick=False)
    make_scheme(
        organisation=make_organisation(slug="body"),
        opens_on=datetime.date(2030, 1, 1),
        closes_on=datetime.date(2030, 3, 1),
    )
    status = ".scheme-card .scheme-status"
    assert (
        "scheme-status--closed"
        not in page(client, "/en/organisations/body/").select_one(status)["class"]
    )
    time_machine.move_to(hong_kong(2030, 3, 2, 0, 0, 1), tick=False)  # midnight in Hong Kong
    assert (
        "scheme-status--closed"
        in page(client, "/en/organisations/body/").select_one(status)["class"]
    )


def test_nothing_is_kept_without_a_generation_to_check_it_against(client, settings):
    unreachable = {
        **settings.CACHES,
        "default": {
            "BACKEND": "portal.cache.FailOpenRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    with override_settings(CACHES=unreachable):
        fragments = ContentFragments()
        assert (fragments.generation, fragments.lifetime) == (None, 0)
        scheme = make_scheme(name_en="Before")
        assert "Before" in page(client, "/en/schemes/").select_one(".scheme-card").get_text()
        scheme.name_en = "After"
        scheme.save()  # the generation cannot move: the cache is down
        assert "After" in page(client, "/en/schemes/").select_one(".scheme-card").get_text()


def test_nothing_is_kept_when_pages_are_never_fresh(settings):
    settings.PAGE_CACHE_FRESH_SECONDS = 0
    assert ContentFragments().lifetime == 0
