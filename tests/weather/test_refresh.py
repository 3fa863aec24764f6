"""Refreshing the reading into the cache: one fetch at a time, last good reading kept."""

import threading
from datetime import datetime, timedelta, timezone

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command

from tests.weather.hko_stub import Answer, calm_answers, payload
from weather import services
from weather.services import weather_refresh, weather_refresh_if_due

HKT = timezone(timedelta(hours=8))


def stored_observation():
    return cache.get(services.OBSERVATION_KEY)


def stored_warnings():
    return cache.get(services.WARNINGS_KEY)


def test_refresh_stores_humidity_and_warnings_in_both_languages(hko):
    assert weather_refresh() is True
    assert stored_observation().humidity == 91
    assert stored_observation().record_time == datetime(2026, 11, 23, 14, tzinfo=HKT)
    assert stored_warnings().names["en"][1] == "Rainstorm Warning Signal (Amber)"
    assert stored_warnings().names["tc"][1] == "暴雨警告信號（黃色）"
    assert sorted(hko.requests) == [("rhrread", "en"), ("warnsum", "en"), ("warnsum", "tc")]


def test_no_warnings_in_force_clears_the_previous_ones(hko):
    weather_refresh()
    hko.answers.update(calm_answers())
    assert weather_refresh() is True
    assert stored_warnings().names == {"en": (), "tc": ()}
    assert stored_observation().humidity == 73


@pytest.mark.parametrize(
    "answer",
    [
        Answer(b"Internal Server Error", status=500),
        Answer(b"{not json"),
        Answer(payload("rhrread_no_humidity_en.json")),
    ],
    ids=["failing", "malformed", "missing-humidity"],
)
def test_a_bad_answer_keeps_the_last_good_reading(hko, answer):
    weather_refresh()
    hko.answer("rhrread", "en", answer)
    hko.answers.update({key: value for key, value in calm_answers().items() if key[0] == "warnsum"})
    assert weather_refresh() is False
    assert stored_observation().humidity == 91
    assert stored_warnings().names["en"] == ()  # the part that answered well is kept


def test_warnings_change_only_when_both_languages_answer(hko):
    weather_refresh()
    hko.answer("warnsum", "en", Answer(payload("warnsum_none.json")))
    hko.answer("warnsum", "tc", Answer(b"", status=500))
    weather_refresh()
    assert len(stored_warnings().names["en"]) == 2


def test_unreachable_hko_stores_nothing():
    assert weather_refresh() is False  # the test settings point at a closed port
    assert stored_observation() is None and stored_warnings() is None


def test_only_one_fetch_runs_at_a_time(hko):
    hko.answer("rhrread", "en", Answer(payload("rhrread_calm_en.json"), delay=0.5))
    results = []
    threads = [threading.Thread(target=lambda: results.append(weather_refresh())) for _ in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True]
    assert hko.requests.count(("rhrread", "en")) == 1
    assert cache.get(services.LOCK_KEY) is None  # released for the next one


def test_refresh_if_due_fetches_once_per_interval_across_workers(hko):
    assert weather_refresh_if_due(interval=600) is True
    assert weather_refresh_if_due(interval=600) is False
    assert hko.requests.count(("rhrread", "en")) == 1


def test_weather_refresh_command_fetches_once(hko, capsys):
    call_command("weather_refresh")
    assert "Weather refreshed." in capsys.readouterr().out
    assert stored_observation().humidity == 91


def test_a_failed_refresh_is_retried_after_a_minute(moving_clock_cache, hko):
    hko.answer("warnsum", "tc", Answer(b"", status=500))
    with time_machine.travel(datetime(2026, 11, 23, 14, 30, tzinfo=HKT), tick=False) as clock:
        assert weather_refresh_if_due(interval=600) is False
        clock.shift(59)
        assert weather_refresh_if_due(interval=600) is False
        assert hko.requests.count(("warnsum", "tc")) == 1
        clock.shift(2)
        hko.answers.update(calm_answers())
        assert weather_refresh_if_due(interval=600) is True
        clock.shift(61)
        assert weather_refresh_if_due(interval=600) is False


def test_an_outage_is_one_warning_and_one_when_it_ends(hko, caplog):
    weather_refresh()
    hko.answer("rhrread", "en", Answer(b"Internal Server Error", status=500))
    for _ in range(3):
        assert weather_refresh() is False
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"HKO {services.OBSERVATION_KEY} not refreshed")
    hko.answers.update(calm_answers())
    assert weather_refresh() is True
    assert weather_refresh() is True
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warnings[1:] == [f"HKO {services.OBSERVATION_KEY} refreshed again"]
