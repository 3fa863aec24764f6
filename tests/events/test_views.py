import pytest

from events.models import Event
from portal.models import Publishable
from tests.events.factories import hong_kong, make_event
from tests.portal.factories import make_organisation

pytestmark = pytest.mark.django_db

EMPTY_EN = "Upcoming activities will be announced soon."
EMPTY_TC = "活動詳情將於稍後公布。"


def text_of(soup) -> str:
    return " ".join(soup.main.get_text(" ").split())


@pytest.mark.parametrize(("prefix", "message"), [("en", EMPTY_EN), ("tc", EMPTY_TC)])
def test_list_without_upcoming_events_shows_the_empty_state(get_page, prefix, message):
    make_event(starts_at=hong_kong(2020, 1, 1, 10))  # past, so not listed
    _, soup = get_page(f"/{prefix}/events/")
    assert soup.find(class_="empty-state").get_text(strip=True) == message


def test_list_groups_upcoming_events_by_month_with_machine_readable_dates(get_page):
    organiser = make_organisation(name_en="Trade and Industry Department")
    make_event(
        title_en="Export seminar",
        starts_at=hong_kong(2030, 3, 14, 23, 30),
        venue_name_en="Central Library",
        organisers=[organiser],
    )
    make_event(title_en="Trade fair", starts_at=hong_kong(2030, 4, 2, 10))
    _, soup = get_page("/en/events/")
    assert [h2.get_text(strip=True) for h2 in soup.main.find_all("h2")][:2] == [
        "March 2030",
        "April 2030",
    ]
    time = soup.find("time", datetime="2030-03-14T23:30:00+08:00")
    assert time.get_text() == "14 March 2030, 23:30"
    text = text_of(soup)
    assert "Central Library" in text
    assert "Trade and Industry Department" in text


def test_traditional_list_writes_dates_the_chinese_way(get_page):
    make_event(starts_at=hong_kong(2030, 3, 14, 23, 30))
    _, soup = get_page("/tc/events/")
    assert "2030年3月14日" in soup.find("time", datetime="2030-03-14T23:30:00+08:00").get_text()


def test_list_links_to_month_view_past_events_and_feeds(get_page):
    _, soup = get_page("/en/events/")
    hrefs = {a["href"] for a in soup.main.find_all("a")}
    assert {"/en/events/2030/03/", "/en/events/past/", "/en/events/feed.ics"} <= hrefs
    assert "webcal://testserver/en/events/feed.ics" in hrefs
    assert "/en/events/feed.atom" in hrefs


def test_filters_narrow_the_list_and_are_carried_into_the_feed_links(get_page):
    tid = make_organisation(slug="tid")
    make_event(title_en="TID workshop", category=Event.Category.WORKSHOP, organisers=[tid])
    make_event(title_en="Other seminar", category=Event.Category.SEMINAR)
    _, soup = get_page("/en/events/?category=workshop&organiser=tid")
    text = text_of(soup)
    assert "TID workshop" in text
    assert "Other seminar" not in text
    hrefs = {a["href"] for a in soup.main.find_all("a")}
    assert "/en/events/feed.ics?category=workshop&organiser=tid" in hrefs
    assert "webcal://testserver/en/events/feed.ics?category=workshop&organiser=tid" in hrefs
    assert "/en/events/feed.atom?category=workshop&organiser=tid" in hrefs


def test_filters_with_no_match_say_so(get_page):
    make_event(category=Event.Category.SEMINAR)
    _, soup = get_page("/en/events/?category=workshop")
    assert "No upcoming events match these filters." in text_of(soup)


@pytest.mark.parametrize(
    "query",
    ["category=nonsense", "organiser=nobody", "organiser=x&organiser=y"],
)
def test_bad_filter_values_get_a_message_not_an_error(get_page, query):
    make_event(title_en="Still listed")
    _, soup = get_page(f"/en/events/?{query}", status=400)
    summary = soup.find(class_="error-summary")
    assert summary.h2.get_text(strip=True) == "There is a problem with the filters"
    assert "Still listed" in text_of(soup)


def test_month_view_is_a_table_with_caption_and_weekday_headers(get_page):
    make_event(slug="late", title_en="Late briefing", starts_at=hong_kong(2030, 3, 14, 23, 30))
    _, soup = get_page("/en/events/2030/03/")
    table = soup.find("table")
    assert table.caption.get_text(strip=True) == "March 2030"
    headers = table.thead.find_all("th")
    assert [th["scope"] for th in headers] == ["col"] * 7
    assert headers[0].find(class_="visually-hidden").get_text() == "Sunday"
    region = soup.find(class_="table-scroll")
    assert region["role"] == "region" and region["tabindex"] == "0"
    assert region["aria-labelledby"] == table.caption["id"]
    cell = table.find("time", datetime="2030-03-14").find_parent("td")
    assert cell.find("a", href="/en/events/late/").get_text() == "Late briefing"


def test_a_day_with_events_links_to_them_in_the_list_below_the_grid(get_page):
    """All a phone shows of the month's events, where the grid has no room for titles."""
    late = make_event(slug="late", starts_at=hong_kong(2030, 3, 14, 23, 30))
    make_event(slug="later", starts_at=hong_kong(2030, 3, 14, 23, 45))
    _, soup = get_page("/en/events/2030/03/")
    link = soup.find("time", datetime="2030-03-14").parent
    assert link.name == "a" and link["href"] == f"#event-{late.pk}"
    assert link.get_text(strip=True) == "14: 2 events"
    assert soup.find(id=f"event-{late.pk}").find("a", href="/en/events/late/")
    assert soup.find("time", datetime="2030-03-15").parent.name == "td"  # no events, no link


def test_month_view_marks_today_in_text(get_page):
    _, soup = get_page("/en/events/2030/03/")
    today = soup.find("time", attrs={"aria-current": "date"})
    assert today["datetime"] == "2030-03-01"
    assert today.parent.find(class_="calendar__today").get_text() == "Today"


def test_month_view_lists_the_month_and_links_to_neighbours(get_page):
    make_event(title_en="Spring seminar", starts_at=hong_kong(2030, 3, 20, 14))
    _, soup = get_page("/en/events/2030/03/")
    assert soup.find("a", href="/en/events/2030/02/", rel="prev")
    assert soup.find("a", href="/en/events/2030/04/", rel="next")
    list_heading = soup.find("h2", string="List of events in March 2030")
    assert "Spring seminar" in list_heading.find_next("ul").get_text()


def test_empty_month_says_so_and_is_not_indexed(get_page):
    _, soup = get_page("/en/events/2031/07/")
    assert "No events are listed for this month." in text_of(soup)
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


@pytest.mark.parametrize(
    "path",
    [
        "2030/13/",
        "2030/00/",
        "0000/01/",
        "99999/01/",
        "1899/12/",
        "2030/3/",
        "no-such-event/",
        "no-such-event/calendar.ics",
    ],
)
def test_impossible_months_and_unknown_events_are_404(client, path):
    assert client.get(f"/en/events/{path}").status_code == 404


def test_past_events_are_grouped_by_year_newest_first(get_page):
    make_event(
        title_en="Leadership summit",
        starts_at=hong_kong(2005, 1, 1),
        all_day=True,
        date_precision=Event.Precision.YEAR,
    )
    make_event(title_en="Bamboo expo", starts_at=hong_kong(2008, 6, 3), all_day=True)
    _, soup = get_page("/en/events/past/")
    assert [h2.get_text(strip=True) for h2 in soup.main.find_all("h2")] == ["2008", "2005"]
    year_only = soup.find("a", string="Leadership summit").find_parent("li")
    assert year_only.find("dd").get_text(strip=True) == "2005"
    assert year_only.find("time")["datetime"] == "2005"


def test_year_only_events_show_the_year_the_chinese_way(get_page):
    make_event(starts_at=hong_kong(2005, 1, 1), all_day=True, date_precision="year")
    _, soup = get_page("/tc/events/past/")
    assert soup.find("h3").find_next("time").get_text() == "2005年"


def test_past_events_are_paginated(get_page, client):
    for year in range(2000, 2025):
        make_event(starts_at=hong_kong(year, 1, 1), all_day=True, date_precision="year")
    _, first = get_page("/en/events/past/")
    assert len(first.find_all("h3")) == 20
    assert first.find("a", href="?page=2", rel="next")
    _, second = get_page("/en/events/past/?page=2")
    assert len(second.find_all("h3")) == 5
    assert client.get("/en/events/past/?page=9").status_code == 404
    assert client.get("/en/events/past/?page=x").status_code == 404


def test_detail_states_hong_kong_time_venue_fee_and_organisers(get_page):
    tid = make_organisation(slug="tid", name_en="Trade and Industry Department")
    make_event(
        slug="export",
        title_en="Export seminar",
        starts_at=hong_kong(2030, 3, 14, 14, 30),
        ends_at=hong_kong(2030, 3, 14, 17, 0),
        venue_name_en="Central Library",
        venue_address_en="66 Causeway Road",
        fee_hkd=150,
        delivery_language=Event.DeliveryLanguage.CANTONESE,
        organisers=[tid],
    )
    _, soup = get_page("/en/events/export/")
    when = soup.find("dt", string="Date and time").find_next("dd")
    assert " ".join(when.get_text().split()) == "14 March 2030, 14:30–17:00 (Hong Kong time)"
    text = text_of(soup)
    assert "66 Causeway Road" in text
    assert "HK$150" in text
    assert "Cantonese" in text
    assert soup.find("a", href="/en/organisations/tid/")
    assert soup.find("a", href="/en/events/export/calendar.ics")


def test_detail_in_traditional_chinese(get_page):
    make_event(slug="export", title_zh_hant="出口研討會", starts_at=hong_kong(2030, 3, 14, 14, 30))
    _, soup = get_page("/tc/events/export/")
    assert soup.h1.get_text() == "出口研討會"
    assert "2030年3月14日 14:30" in text_of(soup)
    assert "香港時間" in text_of(soup)


def test_cancelled_event_has_a_status_banner(get_page):
    make_event(
        slug="called-off",
        event_status=Event.EventStatus.CANCELLED,
        status_note_en="Owing to the typhoon.",
    )
    _, soup = get_page("/en/events/called-off/")
    banner = soup.find(class_="event-banner")
    assert "This event has been cancelled." in banner.get_text()
    assert "Owing to the typhoon." in banner.get_text()


def test_registration_link_is_hidden_once_the_deadline_passes(get_page):
    make_event(
        slug="open",
        registration_url="https://example.org/open",
        registration_deadline=hong_kong(2030, 3, 10, 18),
    )
    make_event(
        slug="closed",
        registration_url="https://example.org/closed",
        registration_deadline=hong_kong(2030, 2, 10, 18),
    )
    _, soup = get_page("/en/events/open/")
    assert soup.find("a", href="https://example.org/open")
    assert "10 March 2030, 18:00" in text_of(soup)
    _, soup = get_page("/en/events/closed/")
    assert not soup.find("a", href="https://example.org/closed")


def test_draft_events_are_not_public(client):
    make_event(slug="draft", status=Publishable.Status.DRAFT)
    assert client.get("/en/events/draft/").status_code == 404
    assert client.get("/en/events/draft/calendar.ics").status_code == 404


def test_organisation_page_lists_its_upcoming_and_past_events(get_page):
    tid = make_organisation(slug="tid")
    make_event(title_en="Coming workshop", organisers=[tid])
    make_event(
        title_en="Old summit",
        starts_at=hong_kong(2005, 1, 1),
        all_day=True,
        date_precision="year",
        organisers=[tid],
    )
    make_event(title_en="Someone else's fair")
    _, soup = get_page("/en/organisations/tid/")
    upcoming = soup.find("h2", string="Upcoming events").find_next("ul")
    past = soup.find("h2", string="Past events").find_next("ul")
    assert "Coming workshop" in upcoming.get_text()
    assert "Old summit 2005" in " ".join(past.get_text(" ").split())
    assert "Someone else" not in text_of(soup)


def test_home_page_shows_next_events_or_the_empty_state(get_page):
    _, soup = get_page("/en/")
    assert EMPTY_EN in soup.find(class_="home-events").get_text()
    make_event(title_en="Next seminar")
    _, soup = get_page("/en/")
    assert "Next seminar" in soup.find(class_="home-events").get_text()
