"""The .ics files and the Atom feed."""

from xml.etree import ElementTree

import icalendar
import pytest
from icalendar.parser import foldline

from events.ical import folded
from events.models import Event
from tests.events.factories import hong_kong, make_event
from tests.portal.factories import make_organisation

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def calendar_from(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_event_file_has_uid_stamp_hong_kong_time_zone_location_and_url(client):
    event = make_event(
        slug="export",
        title_en="Export seminar",
        starts_at=hong_kong(2030, 3, 14, 23, 30),
        ends_at=hong_kong(2030, 3, 15, 1, 0),
        venue_name_en="Central Library",
        venue_address_en="66 Causeway Road",
    )
    response = client.get("/en/events/export/calendar.ics")
    assert 'filename="export.ics"' in response["Content-Disposition"]
    calendar = calendar_from(response)
    [timezone] = calendar.walk("VTIMEZONE")
    assert timezone["TZID"] == "Asia/Hong_Kong"
    [component] = calendar.walk("VEVENT")
    assert component["UID"] == f"event-{event.pk}@testserver"
    assert "DTSTAMP" in component
    assert component["DTSTART"].params["TZID"] == "Asia/Hong_Kong"
    assert component.decoded("DTSTART") == hong_kong(2030, 3, 14, 23, 30)
    assert component.decoded("DTEND") == hong_kong(2030, 3, 15, 1, 0)
    assert component["SUMMARY"] == "Export seminar"
    assert component["LOCATION"] == "Central Library, 66 Causeway Road"
    assert component["URL"] == "http://testserver/en/events/export/"
    assert component["STATUS"] == "CONFIRMED"
    assert b"DTSTART;TZID=Asia/Hong_Kong:20300314T233000" in response.content


def test_uid_is_stable_between_downloads_and_languages(client):
    make_event(slug="export")
    first = calendar_from(client.get("/en/events/export/calendar.ics")).walk("VEVENT")[0]
    second = calendar_from(client.get("/tc/events/export/calendar.ics")).walk("VEVENT")[0]
    assert first["UID"] == second["UID"]
    assert second["SUMMARY"] != first["SUMMARY"]  # each language names it its own way


def test_all_day_event_uses_dates(client):
    make_event(
        slug="fair",
        starts_at=hong_kong(2030, 3, 14),
        ends_at=hong_kong(2030, 3, 16),
        all_day=True,
    )
    response = client.get("/en/events/fair/calendar.ics")
    assert b"DTSTART;VALUE=DATE:20300314" in response.content
    assert b"DTEND;VALUE=DATE:20300317" in response.content  # the end date is exclusive


def test_cancelled_event_says_so(client):
    make_event(slug="called-off", event_status=Event.EventStatus.CANCELLED)
    [component] = calendar_from(client.get("/en/events/called-off/calendar.ics")).walk("VEVENT")
    assert component["STATUS"] == "CANCELLED"


def test_year_only_event_has_no_calendar_file(client):
    make_event(slug="old", starts_at=hong_kong(2005, 1, 1), all_day=True, date_precision="year")
    assert client.get("/en/events/old/calendar.ics").status_code == 404


def test_feed_holds_upcoming_events_and_follows_filters(client):
    tid = make_organisation(slug="tid")
    make_event(title_en="TID workshop", category=Event.Category.WORKSHOP, organisers=[tid])
    make_event(title_en="Seminar", category=Event.Category.SEMINAR)
    make_event(title_en="Cancelled fair", event_status=Event.EventStatus.CANCELLED)
    make_event(title_en="Last year", starts_at=hong_kong(2029, 3, 1, 10))
    everything = calendar_from(client.get("/en/events/feed.ics"))
    assert sorted(str(c["SUMMARY"]) for c in everything.walk("VEVENT")) == [
        "Cancelled fair",
        "Seminar",
        "TID workshop",
    ]
    cancelled = [c for c in everything.walk("VEVENT") if c["SUMMARY"] == "Cancelled fair"]
    assert cancelled[0]["STATUS"] == "CANCELLED"
    filtered = calendar_from(client.get("/en/events/feed.ics?category=workshop&organiser=tid"))
    assert [str(c["SUMMARY"]) for c in filtered.walk("VEVENT")] == ["TID workshop"]


def test_feed_with_bad_filters_is_a_client_error(client):
    response = client.get("/en/events/feed.ics?category=nonsense")
    assert response.status_code == 400
    assert "nonsense" in response.content.decode()


def test_empty_feed_is_still_a_valid_calendar(client):
    calendar = calendar_from(client.get("/en/events/feed.ics"))
    assert calendar.walk("VEVENT") == []


@pytest.mark.parametrize(
    ("prefix", "title", "lang"),
    [("en", "Export seminar", "en"), ("tc", "出口研討會", "zh-Hant-HK")],
)
def test_atom_feed_lists_upcoming_events_in_the_page_language(client, prefix, title, lang):
    make_event(slug="export", title_en="Export seminar", title_zh_hant="出口研討會")
    make_event(title_en="Old", starts_at=hong_kong(2020, 1, 1, 10))
    response = client.get(f"/{prefix}/events/feed.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [title]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/{prefix}/events/export/"


def test_long_chinese_text_and_special_characters_survive_the_file(client):
    title = "粵港澳大灣區中小企業出口融資研討會：信用保險、貸款擔保與市場推廣，一次講清楚" * 2
    summary = 'Costs; risks, and "back\\slashes"\nacross lines'
    make_event(slug="long", title_zh_hant=title, summary_en=summary, summary_zh_hant=summary)
    response = client.get("/tc/events/long/calendar.ics")
    lines = response.content.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75  # octets, folded between characters
    [component] = calendar_from(response).walk("VEVENT")
    assert component["SUMMARY"] == title
    assert str(component["DESCRIPTION"]).startswith(summary)


@pytest.mark.parametrize(
    "line", ["", "a" * 74, "a" * 75, "a" * 200, "計" * 60, "a" * 73 + "計劃" * 40, "é" * 80]
)
def test_lines_fold_where_icalendar_folds_them(line):
    assert folded(line) == foldline(line).encode()
