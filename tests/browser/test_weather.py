"""The HKO widget and the warnings banner in a real browser: en, tc and sc, with axe, at
1280 px, at 320 px and with text at 200%."""

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.cache import cache

from tests.browser import html_checks, layout, vnu
from tests.browser.conftest import axe_audit, describe, record_csp_violations
from tests.events.factories import hong_kong
from tests.weather.hko_stub import HkoStub, storm_answers
from weather.services import weather_refresh

PREFIXES = ["en", "tc", "sc"]
PAGES = ["", "events/"]
pytestmark = pytest.mark.django_db(transaction=True)
HUMIDITY = {"en": "Humidity: 91%", "tc": "相對濕度：91%", "sc": "相对湿度：91%"}
WARNING = {
    "en": "Rainstorm Warning Signal (Amber)",
    "tc": "暴雨警告信號（黃色）",
    "sc": "暴雨警告信号（黄色）",
}


@pytest.fixture(autouse=True)
def reading(settings):
    """HKO's recorded storm reading, fetched from a local stub half an hour after it was made."""
    cache.clear()
    with (
        time_machine.travel(hong_kong(2026, 11, 23, 14, 30), tick=True),
        HkoStub(storm_answers()) as stub,
    ):
        settings.HKO_WEATHER_URL = stub.url
        assert weather_refresh()
        yield
    cache.clear()


@pytest.fixture
def narrow_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    yield record_csp_violations(context.new_page())
    context.close()


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("path", PAGES)
def test_widget_and_banner_have_no_axe_violations(audit, page, prefix, path):
    results = audit(f"/{prefix}/{path}")
    assert results.violations_count == 0, describe(results)
    assert page.locator(".weather__humidity").inner_text() == HUMIDITY[prefix]
    assert page.locator(".weather time").inner_text() == "14:00"
    assert page.locator(".weather-warnings").get_by_text(WARNING[prefix]).is_visible()


@pytest.mark.parametrize("prefix", PREFIXES)
def test_widget_and_banner_fit_320_px(narrow_page, axe, live_server, prefix):
    results = axe_audit(narrow_page, axe, f"{live_server.url}/{prefix}/events/")
    assert results.violations_count == 0, describe(results)
    assert narrow_page.locator(".weather__humidity").is_visible()
    assert narrow_page.locator(".weather-warnings").is_visible()
    assert layout.layout_problems(narrow_page) == []


@pytest.mark.parametrize("prefix", PREFIXES)
def test_widget_and_banner_reflow_at_200_percent_text(audit, page, prefix):
    audit(f"/{prefix}/")
    layout.set_text_size(page, 200)
    assert layout.layout_problems(page) == []
    assert page.locator(".weather__humidity").is_visible()


def test_no_reading_shows_the_dashes_accessibly(audit, page):
    cache.clear()
    results = audit("/en/")
    assert results.violations_count == 0, describe(results)
    assert page.locator(".weather__humidity").inner_text() == "Humidity: --%"
    assert page.locator(".weather__updated").inner_text() == "Last Update: --:--"
    assert page.locator(".weather-warnings").count() == 0


def test_pages_with_widget_and_banner_are_valid_html_with_named_links(client, tmp_path):
    pages = {}
    for prefix in PREFIXES:
        for path in PAGES:
            url = f"/{prefix}/{path}"
            pages[url] = client.get(url).content.decode()
            soup = BeautifulSoup(pages[url], "html.parser")
            assert soup.select(".weather-warnings li"), url
            problems = html_checks.heading_problems(soup) + html_checks.landmark_problems(soup)
            assert problems + html_checks.link_problems(soup) == [], url
    assert vnu.html_errors(pages, tmp_path) == {}
