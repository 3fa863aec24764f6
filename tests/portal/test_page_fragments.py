"""Rendered fragments kept in each process ({% cache ... using="fragments" %}): the page shell
once per language, content fragments (scheme cards, events in lists) per content generation.
These requests carry a parameter the page cache does not keep, so every page is rendered and
what is tested is the fragments alone."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import override_settings

from notices.models import Notice
from portal.models import Publishable
from portal.pagecache import memo
from portal.pagecache.generation import GENERATION_KEY
from portal.pagecache.memo import ContentFragments
from portal.roles import EDITOR
from tests.events.factories import hong_kong, make_event
from tests.notices.factories import make_notice
from tests.portal.factories import make_organisation, make_staff, sign_in
from tests.schemes.factories import add_section, make_scheme

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


def test_an_edited_section_shows_on_the_scheme_page_at_once(client):
    scheme = make_scheme(slug="grant")
    section = add_section(
        scheme, anchor="eligibility", body_en="<p>Old rule.</p>", body_zh_hant="<p>舊規則。</p>"
    )
    for _ in range(2):  # the second request is served from what was kept
        assert "Old rule." in page(client, "/en/schemes/grant/").get_text()
        assert "舊規則" in page(client, "/tc/schemes/grant/").get_text()
    section.body_en = "<p>New rule.</p>"
    section.save()
    assert "New rule." in page(client, "/en/schemes/grant/").get_text()
    assert "舊規則" in page(client, "/tc/schemes/grant/").get_text()


def test_an_unpublished_scheme_is_gone_at_once_from_its_page_and_the_finder(client):
    scheme = make_scheme(slug="grant", name_en="Grant to go")
    assert "Grant to go" in page(client, "/en/schemes/").get_text()
    page(client, "/en/schemes/grant/")
    scheme.status = Publishable.Status.DRAFT
    scheme.save()
    assert client.get(f"/en/schemes/grant/{RENDERED}").status_code == 404
    assert "Grant to go" not in page(client, "/en/schemes/").get_text()


def test_a_scheme_whose_time_is_up_is_gone_within_a_minute(client, time_machine):
    time_machine.move_to(hong_kong(2030, 3, 1, 12, 0), tick=False)
    make_scheme(slug="grant", name_en="Until noon", publish_until=hong_kong(2030, 3, 1, 12, 0, 30))
    assert "Until noon" in page(client, "/en/schemes/").get_text()
    page(client, "/en/schemes/grant/")
    time_machine.move_to(hong_kong(2030, 3, 1, 12, 1), tick=False)
    assert client.get(f"/en/schemes/grant/{RENDERED}").status_code == 404
    assert "Until noon" not in page(client, "/en/schemes/").get_text()


def test_the_scheme_page_and_the_finder_change_status_at_midnight(client, time_machine):
    time_machine.move_to(hong_kong(2030, 3, 1, 23, 59), tick=False)
    make_scheme(slug="grant", name_en="Last-day grant", closes_on=datetime.date(2030, 3, 1))
    status = page(client, "/en/schemes/grant/").select_one(".scheme-status")["class"]
    assert "scheme-status--closed" not in status
    assert "Last-day grant" in page(client, "/en/schemes/").get_text()
    time_machine.move_to(hong_kong(2030, 3, 2, 0, 0, 1), tick=False)  # midnight in Hong Kong
    status = page(client, "/en/schemes/grant/").select_one(".scheme-status")["class"]
    assert "scheme-status--closed" in status
    assert "Last-day grant" not in page(client, "/en/schemes/").get_text()  # open ones only


def test_the_finder_form_keeps_each_search_as_asked(client):
    make_scheme(name_en="Export grant")
    soup = page(client, "/en/schemes/")
    assert soup.select_one("#id_q").get("value", "") == ""
    response = client.get("/en/schemes/?q=export&type=grant&rendered=1")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_q")["value"] == "export"
    assert soup.select_one("input[name=type][value=grant]").has_attr("checked")
    assert (
        not page(client, "/en/schemes/")
        .select_one("input[name=type][value=grant]")
        .has_attr("checked")
    )


def test_an_organisation_page_follows_its_events(client, time_machine):
    time_machine.move_to(hong_kong(2030, 3, 14, 9, 0), tick=False)
    body = make_organisation(slug="body")
    make_event(
        organisers=[body],
        title_en="Morning seminar",
        starts_at=hong_kong(2030, 3, 14, 10, 0),
        ends_at=hong_kong(2030, 3, 14, 12, 0),
    )
    soup = page(client, "/en/organisations/body/")
    assert "Morning seminar" in soup.find("h2", string="Upcoming events").find_next("ul").get_text()
    make_event(organisers=[body], title_en="Afternoon workshop")
    assert "Afternoon workshop" in page(client, "/en/organisations/body/").get_text()
    time_machine.move_to(hong_kong(2030, 3, 15, 0, 0, 1), tick=False)  # the seminar's day is over
    soup = page(client, "/en/organisations/body/")
    assert "Morning seminar" in soup.find("h2", string="Past events").find_next("ul").get_text()


def test_a_preview_keeps_nothing_for_the_public(client):
    make_scheme(slug="grant", status=Publishable.Status.DRAFT)
    sign_in(client, make_staff(role=EDITOR))
    response = client.get("/en/schemes/grant/?preview=1")
    assert response.status_code == 200
    assert response.context["content_fragments"].lifetime == 0
    client.logout()
    assert client.get(f"/en/schemes/grant/{RENDERED}").status_code == 404


def test_made_up_addresses_cannot_grow_the_memory(client, monkeypatch):
    monkeypatch.setattr(memo, "MEMO_MAX_ENTRIES", 5)
    make_scheme(slug="grant")
    for number in range(12):
        assert client.get(f"/en/schemes/no-such-scheme-{number}/{RENDERED}").status_code == 404
        assert len(memo._memory) <= 5
    page(client, "/en/schemes/grant/")


def test_a_function_with_large_results_keeps_at_most_its_own_few(settings):
    settings.PAGE_CACHE_FRESH_SECONDS = 60
    calls = []

    @memo.content_memo(max_entries=3)
    def large(number):
        calls.append(number)
        return [number] * 1000

    @memo.content_memo
    def small(number):
        return number

    for number in range(10):
        small(number)
        large(number)
    assert [key[2] for key in memo._memory if key[0] is large.__wrapped__] == [(7,), (8,), (9,)]
    assert len([key for key in memo._memory if key[0] is small.__wrapped__]) == 10  # all kept
    large(9)
    assert calls == list(range(10))  # the newest are still remembered


def test_notices_follow_every_edit_at_once(client):
    main = make_notice(slug=Notice.MAIN_SLUG, title_en="Important Notices")
    other = make_notice(slug="privacy", title_en="Privacy Policy", body_en="<p>Old policy.</p>")
    for _ in range(2):  # the second request is served from what was kept
        assert "Privacy Policy" in page(client, "/en/notices/").get_text()
        assert "Old policy." in page(client, "/en/notices/privacy/").get_text()
    other.title_en, other.body_en = "Privacy Statement", "<p>New policy.</p>"
    other.save()
    assert "Privacy Statement" in page(client, "/en/notices/").get_text()
    assert "New policy." in page(client, "/en/notices/privacy/").get_text()
    other.status = Publishable.Status.DRAFT
    other.save()
    assert "Privacy Statement" not in page(client, "/en/notices/").get_text()
    assert client.get(f"/en/notices/privacy/{RENDERED}").status_code == 404
    main.title_en = "Notices"
    main.save()
    assert page(client, "/en/notices/").select_one("h1").get_text() == "Notices"


def test_a_rendered_page_reads_the_generation_once(client, monkeypatch):
    """With Redis every read is a round trip; the finder keeps several things per generation."""
    make_scheme(name_en="Export grant")
    reads = []
    read = cache.get

    def counted(key, *args, **kwargs):
        reads.append(key)
        return read(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counted)
    assert "Export grant" in page(client, "/en/schemes/").get_text()
    assert reads.count(GENERATION_KEY) == 1
