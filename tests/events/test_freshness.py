"""The events pages remember their lists and the month grid (memo on, as in production), and
still show every change at once and every change of time within a minute. The requests carry
a parameter the page cache does not keep, so every page is rendered."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches

from portal.models import Publishable
from tests.events.factories import hong_kong, make_event
from tests.portal.factories import make_organisation

pytestmark = pytest.mark.django_db
RENDERED = "?rendered=1"  # not a parameter any page declares: never served from the page cache


def page(client, url, status=200):
    response = client.get(url + (RENDERED.replace("?", "&") if "?" in url else RENDERED))
    assert response.status_code == status, url
    assert "X-Page-Cache" not in response
    return BeautifulSoup(response.content, "html.parser")


def titles(client, url) -> list[str]:
    return [h3.a.get_text() for h3 in page(client, url).select(".event-item__title")]


def grid(client, url="/en/events/2030/03/") -> str:
    return page(client, url).select_one("table.calendar").get_text(" ")


def visit_every_page(client, language="en"):
    """Render each page once, so what it remembers is in place."""
    for url in ("events/", "events/past/", "events/2030/03/", "events/2020/01/"):
        page(client, f"/{language}/{url}")


def test_a_new_event_shows_at_once_on_every_page(client):
    visit_every_page(client)
    page(client, "/en/events/fair/", status=404)
    make_event(slug="fair", title_en="Trade fair", starts_at=hong_kong(2030, 3, 20, 10))
    make_event(title_en="Old seminar", starts_at=hong_kong(2020, 1, 9, 10))
    assert titles(client, "/en/events/") == ["Trade fair"]
    assert titles(client, "/en/events/?category=seminar") == ["Trade fair"]
    assert titles(client, "/en/events/past/") == ["Old seminar"]
    assert "Trade fair" in grid(client)
    assert "Old seminar" in grid(client, "/en/events/2020/01/")
    assert page(client, "/en/events/fair/").h1.get_text() == "Trade fair"


@pytest.mark.parametrize(
    ("language", "field", "old", "new"),
    [("en", "title_en", "Old title", "New title"), ("tc", "title_zh_hant", "舊名", "新名")],
)
def test_a_renamed_event_shows_at_once_on_every_page(client, language, field, old, new):
    upcoming = make_event(slug="upcoming", starts_at=hong_kong(2030, 3, 20, 10), **{field: old})
    past = make_event(slug="past-one", starts_at=hong_kong(2020, 1, 9, 10), **{field: old})
    visit_every_page(client, language)
    page(client, f"/{language}/events/upcoming/")
    for event in (upcoming, past):
        setattr(event, field, new)
        event.save()
    assert titles(client, f"/{language}/events/") == [new]
    assert titles(client, f"/{language}/events/past/") == [new]
    assert new in grid(client, f"/{language}/events/2030/03/")
    assert titles(client, f"/{language}/events/2030/03/") == [new]
    assert page(client, f"/{language}/events/upcoming/").h1.get_text() == new


def test_an_event_that_ends_moves_to_the_past_within_a_minute(client, time_machine):
    time_machine.move_to(hong_kong(2030, 3, 1, 23, 59, 30), tick=False)
    make_event(slug="today", title_en="Evening talk", starts_at=hong_kong(2030, 3, 1, 19))
    assert titles(client, "/en/events/") == ["Evening talk"]
    assert titles(client, "/en/events/past/") == []
    assert (
        "Today"
        in page(client, "/en/events/2030/03/")
        .find("time", datetime="2030-03-01")
        .find_parent("td")
        .get_text()
    )
    time_machine.move_to(hong_kong(2030, 3, 2, 0, 0, 5), tick=False)  # past midnight
    assert titles(client, "/en/events/") == []
    assert titles(client, "/en/events/past/") == ["Evening talk"]
    today = page(client, "/en/events/2030/03/").find("time", attrs={"aria-current": "date"})
    assert today["datetime"] == "2030-03-02"


def test_an_event_whose_publishing_ends_leaves_the_month_grid_within_a_minute(client, time_machine):
    time_machine.move_to(hong_kong(2030, 3, 1, 12, 0, 0), tick=False)
    make_event(title_en="Withdrawn", publish_until=hong_kong(2030, 3, 1, 12, 0, 1))
    assert "Withdrawn" in grid(client)  # the month's events are remembered from 12:00:00
    time_machine.move_to(hong_kong(2030, 3, 1, 12, 0, 59), tick=False)
    caches["fragments"].clear()
    grid(client)  # the grid rendered again late in that minute, from the events remembered
    time_machine.move_to(hong_kong(2030, 3, 1, 12, 1, 1), tick=False)
    assert "Withdrawn" not in grid(client)
    assert titles(client, "/en/events/") == []


def test_an_unpublished_event_stays_404_and_publishing_it_shows_it(client):
    event = make_event(slug="draft", status=Publishable.Status.DRAFT)
    for _ in range(2):
        page(client, "/en/events/draft/", status=404)
    event.status = Publishable.Status.PUBLISHED
    event.save()
    page(client, "/en/events/draft/")
    event.status = Publishable.Status.DRAFT
    event.save()
    page(client, "/en/events/draft/", status=404)
    page(client, "/en/events/draft/calendar.ics", status=404)


def test_detail_shows_only_published_organisers_and_follows_their_changes(client):
    event = make_event(slug="talk", organisers=[make_organisation(name_en="Shown body")])
    draft = make_organisation(name_en="Draft body", status=Publishable.Status.DRAFT)
    page(client, "/en/events/talk/")
    event.organisers.add(draft)
    text = page(client, "/en/events/talk/").main.get_text()
    assert "Shown body" in text and "Draft body" not in text
    draft.status = Publishable.Status.PUBLISHED
    draft.save()
    assert "Draft body" in page(client, "/en/events/talk/").main.get_text()


def test_registration_closes_on_the_detail_page_at_its_deadline(client, time_machine):
    time_machine.move_to(hong_kong(2030, 3, 1, 12, 0, 10), tick=False)
    make_event(
        slug="talk",
        registration_url="https://example.com/register",
        registration_deadline=hong_kong(2030, 3, 1, 12, 0, 20),
    )
    assert page(client, "/en/events/talk/").find("a", string="Register for this event")
    time_machine.move_to(hong_kong(2030, 3, 1, 12, 0, 30), tick=False)  # the same minute
    assert not page(client, "/en/events/talk/").find("a", string="Register for this event")
