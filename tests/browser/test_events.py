"""The event calendar's pages in a real browser: zero axe violations in every language,
usable at 320 px and by keyboard."""

import re

import pytest
import time_machine

from events.models import Event
from tests.browser.conftest import describe
from tests.events.factories import hong_kong, make_event
from tests.portal.factories import make_organisation

PREFIXES = ["en", "tc", "sc"]
NOW = hong_kong(2030, 3, 1, 12, 0)
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fixed_now():
    # Time still ticks, so the browser's timers behave.
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def events():
    tid = make_organisation(slug="tid", name_en="Trade and Industry Department")
    make_event(
        slug="export",
        title_en="Export seminar",
        title_zh_hant="出口研討會",
        starts_at=hong_kong(2030, 3, 14, 23, 30),
        ends_at=hong_kong(2030, 3, 15, 1, 0),
        venue_name_en="Central Library",
        venue_name_zh_hant="中央圖書館",
        fee_hkd=150,
        registration_url="https://example.org/register",
        registration_deadline=hong_kong(2030, 3, 10, 18),
        description_en="<p>How to export.</p>",
        description_zh_hant="<p>如何出口。</p>",
        organisers=[tid],
    )
    make_event(
        slug="called-off",
        title_en="Cancelled trade fair",
        title_zh_hant="已取消的展覽會",
        starts_at=hong_kong(2030, 3, 1),
        ends_at=hong_kong(2030, 3, 3),
        all_day=True,
        category=Event.Category.TRADE_FAIR,
        event_status=Event.EventStatus.CANCELLED,
        status_note_en="Owing to the typhoon.",
        status_note_zh_hant="因颱風取消。",
        organisers=[tid],
    )
    make_event(
        slug="summit-2005",
        title_en="Leadership summit",
        title_zh_hant="領袖高峰會議",
        starts_at=hong_kong(2005, 1, 1),
        all_day=True,
        date_precision=Event.Precision.YEAR,
        category=Event.Category.CONFERENCE,
        organisers=[tid],
    )


PAGES_WITH_EVENTS = [
    "events/",
    "events/2030/03/",
    "events/past/",
    "events/export/",
    "events/called-off/",
    "events/summit-2005/",
    "events/?category=nonsense",
    "organisations/tid/",
    "",
]


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("path", PAGES_WITH_EVENTS)
def test_event_pages_have_no_axe_violations(audit, events, prefix, path):
    status = 400 if "nonsense" in path else 200
    results = audit(f"/{prefix}/{path}", status=status)
    assert results.violations_count == 0, describe(results)


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("path", ["events/", "events/2031/07/", "events/past/"])
def test_empty_event_pages_have_no_axe_violations(audit, prefix, path):
    results = audit(f"/{prefix}/{path}")
    assert results.violations_count == 0, describe(results)


@pytest.mark.parametrize("path", ["events/2030/03/", "events/", "events/export/"])
def test_pages_fit_a_320_pixel_screen(page, live_server, events, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/en/{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_month_shows_every_day_of_the_week_at_320_px_and_leads_to_its_events(
    page, live_server, events
):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/en/events/2030/03/")
    region = page.get_by_role("region", name="March 2030")
    assert region.evaluate("element => element.scrollWidth <= element.clientWidth")
    headers = page.get_by_role("columnheader")
    assert headers.count() == 7
    boxes = [header.bounding_box() for header in headers.all()]
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= 320 for box in boxes)
    # The grid has no room for titles: a day with events is a link to them below it.
    page.get_by_role("link", name=re.compile(r"^14\s*: 1 event$")).click()
    listed = page.locator(f".event-list .event-item#{page.url.rpartition('#')[2]}")
    assert listed.get_by_role("link", name="Export seminar").is_visible()


def test_month_table_is_announced_with_its_headers(page, live_server, events):
    page.goto(f"{live_server.url}/en/events/2030/03/")
    table = page.get_by_role("table", name="March 2030")
    assert table.get_by_role("columnheader").count() == 7
    # The visible "Sun" is hidden from screen readers, which hear the full name.
    assert table.get_by_role("columnheader", name="Sunday", exact=True).count() == 1
    cell = table.get_by_role("cell").filter(has=page.locator("time[datetime='2030-03-14']"))
    assert cell.get_by_role("link", name="Export seminar").count() == 1


@pytest.fixture
def many_upcoming():
    for number in range(25):
        make_event(title_en=f"Workshop {number}", starts_at=hong_kong(2030, 4, 1 + number, 10))


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("path", ["events/", "events/?page=2"])
def test_paged_upcoming_list_has_no_axe_violations(audit, many_upcoming, prefix, path):
    results = audit(f"/{prefix}/{path}")
    assert results.violations_count == 0, describe(results)


def test_pager_of_upcoming_events_is_reached_by_keyboard_at_320_px(
    page, live_server, many_upcoming
):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/en/events/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    later = page.get_by_role("link", name="Later events")
    for _ in range(200):
        page.keyboard.press("Tab")
        if later.evaluate("element => element === document.activeElement"):
            break
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/events/\?page=2$"))
    assert "Workshop 24" in page.locator("main").inner_text()
