"""What visitors see: the humidity widget in the header, the warnings banner and the events
line, in three languages, read from the cache only."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache

from tests.events.factories import hong_kong, make_event
from tests.weather.hko_stub import calm_answers
from weather.services import weather_refresh

pytestmark = pytest.mark.django_db
AT_14_30 = hong_kong(2026, 11, 23, 14, 30)


def text(element):
    return " ".join(element.get_text().split())


def widget(soup):
    return soup.select_one(".site-header .weather")


@pytest.fixture
def refreshed(hko):
    with time_machine.travel(AT_14_30, tick=False):
        weather_refresh()
        yield hko


@pytest.mark.parametrize(
    ("prefix", "humidity", "updated"),
    [
        ("en", "Humidity: 91%", "Last Update: 14:00"),
        ("tc", "相對濕度：91%", "最後更新：14:00"),
        ("sc", "相对湿度：91%", "最后更新：14:00"),
    ],
)
def test_header_shows_the_humidity_and_its_time(refreshed, get_page, prefix, humidity, updated):
    _, soup = get_page(f"/{prefix}/")
    assert text(widget(soup).select_one(".weather__humidity")) == humidity
    assert text(widget(soup).select_one(".weather__updated")) == updated
    assert widget(soup).select_one("time")["datetime"] == "2026-11-23T14:00:00+08:00"


def test_widget_names_the_place_for_screen_readers_and_credits_hko(refreshed, get_page):
    _, soup = get_page("/en/")
    assert text(widget(soup).select_one(".visually-hidden")) == "Hong Kong Observatory:"
    source = widget(soup).select_one(".weather__source a")
    assert text(source) == "Source: Hong Kong Observatory"
    assert source["href"] == "https://www.hko.gov.hk/en/index.html"
    assert not widget(soup).select("[aria-live], [role=status], [role=alert]")


@pytest.mark.parametrize(
    ("prefix", "humidity", "updated"),
    [
        ("en", "Humidity: --%", "Last Update: --:--"),
        ("tc", "相對濕度：--%", "最後更新：--:--"),
    ],
)
def test_no_reading_shows_the_original_dashes(get_page, prefix, humidity, updated):
    _, soup = get_page(f"/{prefix}/")
    assert text(widget(soup).select_one(".weather__humidity")) == humidity
    assert text(widget(soup).select_one(".weather__updated")) == updated
    assert not widget(soup).select("time")
    assert not soup.select(".weather-warnings")


def test_unreachable_hko_shows_the_dashes(get_page):
    weather_refresh()  # the test settings point at a closed port
    _, soup = get_page("/en/")
    assert text(widget(soup).select_one(".weather__humidity")) == "Humidity: --%"


def test_reading_two_hours_old_is_still_shown_and_then_dashes(refreshed, get_page, uncached_pages):
    with time_machine.travel(hong_kong(2026, 11, 23, 16, 0), tick=False):
        _, soup = get_page("/en/")
        assert text(widget(soup).select_one(".weather__humidity")) == "Humidity: 91%"
    with time_machine.travel(hong_kong(2026, 11, 23, 16, 0, 1), tick=False):
        _, soup = get_page("/en/")
        assert text(widget(soup).select_one(".weather__humidity")) == "Humidity: --%"
        assert text(widget(soup).select_one(".weather__updated")) == "Last Update: --:--"


def test_warnings_fetched_two_hours_ago_are_no_longer_shown(refreshed, get_page, uncached_pages):
    with time_machine.travel(AT_14_30 + timedelta(hours=2), tick=False):
        _, soup = get_page("/en/")
        assert soup.select(".weather-warnings li")
    with time_machine.travel(AT_14_30 + timedelta(hours=2, seconds=1), tick=False):
        _, soup = get_page("/en/")
        assert not soup.select(".weather-warnings")


@pytest.mark.parametrize(
    ("prefix", "names"),
    [
        (
            "en",
            [
                "Tropical Cyclone Warning Signal (Strong Wind Signal No. 3)",
                "Rainstorm Warning Signal (Amber)",
            ],
        ),
        ("tc", ["熱帶氣旋警告信號（三號強風信號）", "暴雨警告信號（黃色）"]),
        ("sc", ["热带气旋警告信号（三号强风信号）", "暴雨警告信号（黄色）"]),
    ],
)
def test_banner_lists_warnings_in_force_in_the_pages_language(refreshed, get_page, prefix, names):
    _, soup = get_page(f"/{prefix}/")
    banner = soup.select_one("header + .weather-warnings")
    assert [text(item) for item in banner.select("li")] == names


def test_no_banner_when_no_warning_is_in_force(refreshed, get_page):
    refreshed.answers.update(calm_answers())
    with time_machine.travel(AT_14_30, tick=False):
        weather_refresh()
        _, soup = get_page("/en/")
    assert not soup.select(".weather-warnings")
    assert text(widget(soup).select_one(".weather__humidity")) == "Humidity: 73%"


def test_events_pages_say_events_may_be_cancelled(refreshed, get_page):
    upcoming = make_event(slug="expo", starts_at=hong_kong(2026, 11, 24, 10))
    past = make_event(slug="old", starts_at=hong_kong(2026, 11, 1, 10))
    for url in ["/en/events/", "/en/events/2026/11/", upcoming.get_absolute_url()]:
        _, soup = get_page(url)
        assert "check with the organiser" in text(soup.select_one(".weather-events-notice")), url
    _, soup = get_page(past.get_absolute_url())
    assert not soup.select(".weather-events-notice")


def test_events_pages_say_nothing_without_warnings(get_page):
    _, soup = get_page("/en/events/")
    assert not soup.select(".weather-events-notice")


def test_pages_never_ask_hko(hko, get_page):
    get_page("/en/")
    get_page("/tc/events/")
    assert hko.requests == []
    assert cache.get("weather:next-fetch") is None
