"""The HKSMEGA seed: its profile, its events in retrospect, and no upcoming events."""

import re

import pytest
from django.core.management import call_command

from events.models import Event
from tests.seeds import seed_file

SEED = seed_file("001")
pytestmark = pytest.mark.django_db

# Each past event with the year the profile gives it, and nothing more precise.
PAST_EVENTS = {
    "World SME Expo": 2002,
    "Investment seminar for Ningxiang, Hunan": 2003,
    "Hong Kong and Panyu Leadership Summit Conference": 2005,
    "China International Foodstuffs Trade Fair": 2006,
    "Visits to China SMEs Association and Tokyo Metropolitan Small Business Centre": 2007,
    "China International Bamboo Product Trade Expo 2008": 2008,
    "China Food Fair": 2008,
}


@pytest.fixture
def seed():
    call_command("load_seed", verbosity=0)


def normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def seed_sentences() -> list[str]:
    text = " ".join(SEED.read_text(encoding="utf-8").split())
    return [sentence for sentence in re.split(r"(?<=[.;])\s+", text) if sentence.strip()]


def test_every_sentence_of_the_profile_is_on_the_english_page(seed, get_page):
    _, soup = get_page("/en/organisations/hksmega/")
    page = normalised(soup.main.get_text(" "))
    missing = [s for s in seed_sentences() if normalised(s) not in page]
    assert missing == []


def test_profile_has_a_traditional_chinese_translation(seed, get_page):
    _, soup = get_page("/tc/organisations/hksmega/")
    assert soup.h1.get_text(" ", strip=True).startswith("香港中小型企業總商會")
    text = soup.main.get_text()
    for fact in ("1995年", "港麗酒店", "200人", "浙江安吉", "周俊明", "十五周年"):
        assert fact in text
    assert not soup.find(class_="rich-text").has_attr("lang")


def test_events_in_retrospect_are_past_events_known_by_year(seed, get_page):
    events = Event.objects.filter(organisers__slug="hksmega")
    years = {event.title_en: event.start_day.year for event in events}
    assert years.items() >= PAST_EVENTS.items()
    assert {event.date_precision for event in events} == {Event.Precision.YEAR}
    _, soup = get_page("/en/events/past/")
    for title, year in PAST_EVENTS.items():
        item = soup.find("a", string=title).find_parent("li")
        assert item.find("time")["datetime"] == str(year)
        assert item.find("time").get_text() == str(year)


def test_organisation_page_lists_the_past_events_with_their_years(seed, get_page):
    _, soup = get_page("/en/organisations/hksmega/")
    past = soup.find("h2", string="Past events").find_next("ul")
    for title, year in PAST_EVENTS.items():
        item = past.find("a", string=title).find_parent("li")
        assert item.find("time").get_text() == str(year)


def test_seed_has_no_upcoming_events_so_the_calendar_shows_its_empty_state(seed, get_page):
    _, soup = get_page("/en/events/")
    assert "Upcoming activities will be announced soon." in soup.main.get_text()
    _, soup = get_page("/tc/events/")
    assert "活動詳情將於稍後公布。" in soup.main.get_text()


def test_loading_the_seed_twice_changes_nothing(seed):
    before = Event.objects.count()
    call_command("load_seed", verbosity=0)
    assert Event.objects.count() == before == 8
