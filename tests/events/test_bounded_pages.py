"""Pages and feeds that cost the same however many events the calendar holds: the database
reads one page of a list, and feeds carry the next FEED_LIMIT events only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import selectors
from tests.events.factories import hong_kong, make_event
from tests.portal.factories import make_organisation

pytestmark = pytest.mark.django_db


def titles(soup) -> list[str]:
    return [h3.get_text(" ", strip=True) for h3 in soup.main.find_all("h3")]


def test_past_archive_reads_only_its_page_from_the_database(client, get_page):
    for day in range(1, 46):
        make_event(title_en=f"Past {day:02}", starts_at=hong_kong(2020, 1, day % 28 + 1, day % 12))
    with CaptureQueriesContext(connection) as context:
        response = client.get("/en/events/past/?page=2")
    assert response.status_code == 200
    page_query = next(q["sql"] for q in context.captured_queries if "events_event" in q["sql"]
                      and "COUNT" not in q["sql"])  # fmt: skip
    assert "LIMIT 20 OFFSET 20" in page_query
    _, second = get_page("/en/events/past/?page=2")
    assert len(titles(second)) == 20
    _, last = get_page("/en/events/past/?page=last")
    assert len(titles(last)) == 5
    assert last.find("a", href="?page=2", rel="prev")


def test_upcoming_list_is_paged_and_counts_every_event(get_page, client):
    body = make_organisation(slug="body")
    for number in range(selectors.UPCOMING_PAGE_SIZE + 3):
        make_event(starts_at=hong_kong(2030, 4, 1 + number % 28, 10), organisers=[body])
    _, first = get_page("/en/events/?organiser=body")
    assert len(titles(first)) == selectors.UPCOMING_PAGE_SIZE
    count = selectors.UPCOMING_PAGE_SIZE + 3
    assert f"{count} upcoming events" in first.find(class_="result-count").get_text(" ")
    following = first.find("a", rel="next")
    assert following["href"] == "?organiser=body&page=2"
    _, second = get_page(f"/en/events/{following['href']}")
    assert len(titles(second)) == 3
    assert "(page 2)" in second.title.get_text()
    assert client.get("/tc/events/?page=3").status_code == 404


@pytest.mark.parametrize("prefix", ["en", "tc", "sc"])
def test_calendar_and_atom_feeds_carry_only_the_next_events(client, monkeypatch, prefix):
    monkeypatch.setattr(selectors, "FEED_LIMIT", 3)
    for day in (5, 2, 4, 3, 6):
        make_event(title_en=f"Day {day}", starts_at=hong_kong(2030, 3, day, 10))
    ics = client.get(f"/{prefix}/events/feed.ics").content.decode()
    assert ics.count("BEGIN:VEVENT") == 3
    assert "DTSTART;TZID=Asia/Hong_Kong:20300302T100000" in ics
    assert "20300306" not in ics
    atom = client.get(f"/{prefix}/events/feed.atom").content.decode()
    assert atom.count("<entry>") == 3


def test_organisation_page_lists_its_next_events_and_links_to_the_rest(get_page):
    body = make_organisation(slug="body")
    for day in range(1, 23):
        make_event(
            title_en=f"Workshop {day:02}", starts_at=hong_kong(2030, 4, day, 10), organisers=[body]
        )
    _, soup = get_page("/tc/organisations/body/")
    upcoming = soup.find("h2", string="即將舉行的活動").find_next("ul")
    assert len(upcoming.find_all("li")) == 20
    assert soup.find("a", href="/tc/events/?organiser=body")
