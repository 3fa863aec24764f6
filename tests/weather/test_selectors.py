"""What a page shows at a given moment, from what the cache holds."""

from datetime import datetime, timedelta, timezone

import pytest
from django.core.cache import cache

from weather.hko import Observation
from weather.selectors import WeatherNow, is_fresh, weather_now
from weather.services import OBSERVATION_KEY, WARNINGS_KEY, Warnings

HKT = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 23, 14, 30, tzinfo=HKT)


@pytest.mark.parametrize(
    ("age", "fresh"),
    [
        (timedelta(0), True),
        (timedelta(hours=2), True),
        (timedelta(hours=2, seconds=1), False),
        (-timedelta(minutes=10), True),  # HKO's clock a little ahead of ours
        (-timedelta(minutes=11), False),  # a reading from the future is a bad one
    ],
)
def test_a_reading_is_fresh_for_two_hours(age, fresh):
    assert is_fresh(NOW - age, now=NOW) is fresh


def test_nothing_cached_shows_nothing():
    assert weather_now(now=NOW, hko_language="en") == WeatherNow()


def test_warnings_come_in_the_requested_language():
    cache.set(OBSERVATION_KEY, Observation(humidity=80, record_time=NOW - timedelta(minutes=30)))
    cache.set(
        WARNINGS_KEY,
        Warnings(names={"en": ("Cold Weather Warning",), "tc": ("寒冷天氣警告",)}, fetched_at=NOW),
    )
    shown = weather_now(now=NOW, hko_language="tc")
    assert (shown.humidity, shown.warnings) == (80, ("寒冷天氣警告",))
