"""Reading HKO's answers, quirks included: pure functions on the recorded payloads."""

import json
from datetime import datetime, timedelta, timezone

import pytest

from tests.weather.hko_stub import payload
from weather.hko import HkoDataError, decode, observation, station_value, warnings_in_force

HKT = timezone(timedelta(hours=8))


def recorded(name):
    return json.loads(payload(name))


@pytest.mark.parametrize("lang", ["en", "tc"])
def test_observation_reads_humidity_at_the_observatory_in_either_language(lang):
    reading = observation(recorded(f"rhrread_calm_{lang}.json"))
    assert reading.humidity == 73
    assert reading.temperature == 23
    assert reading.record_time == datetime(2026, 11, 23, 14, 0, tzinfo=HKT)


def test_observation_with_warning_messages_and_empty_uvindex():
    data = recorded("rhrread_storm_en.json")
    assert data["uvindex"] == "" and isinstance(data["warningMessage"], list)
    assert observation(data).humidity == 91


def test_empty_strings_for_messages_do_not_matter():
    data = recorded("rhrread_calm_en.json")
    assert data["warningMessage"] == "" and data["tcmessage"] == ""
    assert observation(data).humidity == 73


def test_missing_humidity_is_no_reading():
    with pytest.raises(HkoDataError):
        observation(recorded("rhrread_no_humidity_en.json"))


@pytest.mark.parametrize(
    "humidity",
    [
        "",
        {"recordTime": "2026-11-23T14:00:00+08:00", "data": []},
        {"recordTime": "2026-11-23T14:00:00+08:00", "data": [{"place": "Sha Tin", "value": 70}]},
        {
            "recordTime": "2026-11-23T14:00:00+08:00",
            "data": [{"place": "香港天文台", "value": "x"}],
        },
        {
            "recordTime": "2026-11-23T14:00:00+08:00",
            "data": [{"place": "香港天文台", "value": 170}],
        },
        {"recordTime": "14:00", "data": [{"place": "Hong Kong Observatory", "value": 70}]},
        {
            "recordTime": "2026-11-23T14:00:00",
            "data": [{"place": "Hong Kong Observatory", "value": 70}],
        },
        {"data": [{"place": "Hong Kong Observatory", "value": 70}]},
    ],
)
def test_unusable_humidity_blocks_are_no_reading(humidity):
    with pytest.raises(HkoDataError):
        observation({"humidity": humidity})


def test_station_value_without_the_observatory_is_none():
    assert station_value({"data": [{"place": "King's Park", "value": 20}]}) is None
    assert station_value("") is None


def test_no_warnings_in_force_is_an_empty_object():
    assert warnings_in_force(recorded("warnsum_none.json")) == ()
    assert warnings_in_force("") == ()


def test_warnings_in_force_use_hkos_names_and_skip_cancelled_ones():
    assert warnings_in_force(recorded("warnsum_storm_en.json"), "en") == (
        "Tropical Cyclone Warning Signal (Strong Wind Signal No. 3)",
        "Rainstorm Warning Signal (Amber)",
    )
    assert warnings_in_force(recorded("warnsum_storm_tc.json"), "tc") == (
        "熱帶氣旋警告信號（三號強風信號）",
        "暴雨警告信號（黃色）",
    )


def test_a_warning_without_a_type_is_its_name():
    warnsum = {"WHOT": {"name": "Very Hot Weather Warning", "code": "WHOT", "actionCode": "ISSUE"}}
    assert warnings_in_force(warnsum) == ("Very Hot Weather Warning",)


@pytest.mark.parametrize("warnsum", [["WHOT"], {"WHOT": "Very Hot"}, 3])
def test_malformed_warnsum_is_an_error(warnsum):
    with pytest.raises(HkoDataError):
        warnings_in_force(warnsum)


@pytest.mark.parametrize("body", [b"<html>Service unavailable</html>", b"[1, 2]", b"\xff\xfe{"])
def test_decode_refuses_what_is_not_a_json_object(body):
    with pytest.raises(HkoDataError):
        decode(body)
