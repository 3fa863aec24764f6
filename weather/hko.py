"""Reading the Hong Kong Observatory's open data answers: pure functions, no I/O.

HKO's quirks: `warningMessage`, `tcmessage` and `uvindex` are "" when empty; `warnsum` is {}
when nothing is in force; station names are translated; any field may be missing. Anything
unexpected raises HkoDataError, so the caller keeps its last good reading.
"""

import json
from dataclasses import dataclass
from datetime import datetime

# The humidity station, as HKO names it in each language.
OBSERVATORY_NAMES = frozenset({"Hong Kong Observatory", "香港天文台"})
# warnsum keeps a cancelled warning for a while, marked with this action code.
CANCELLED = "CANCEL"


class HkoDataError(ValueError):
    """HKO answered something we cannot read."""


@dataclass(frozen=True)
class Observation:
    humidity: int
    record_time: datetime
    temperature: float | None = None


def decode(body: bytes) -> dict:
    """The JSON object in an answer's body."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HkoDataError(f"not JSON: {error}") from error
    if not isinstance(data, dict):
        raise HkoDataError("not a JSON object")
    return data


def station_value(block, places=OBSERVATORY_NAMES) -> float | None:
    """The value measured at the Observatory in a {data: [{place, value}]} block, if any."""
    if not isinstance(block, dict) or not isinstance(block.get("data"), list):
        return None
    for item in block["data"]:
        if isinstance(item, dict) and str(item.get("place", "")).strip() in places:
            value = item.get("value")
            if isinstance(value, int | float) and not isinstance(value, bool):
                return value
    return None


def record_time(value) -> datetime:
    """An HKO timestamp ("2026-11-23T14:00:00+08:00"), which must carry its offset."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise HkoDataError(f"bad time {value!r}") from error
    if moment.tzinfo is None:
        raise HkoDataError(f"time without offset {value!r}")
    return moment


def observation(rhrread: dict) -> Observation:
    """The humidity (and temperature) at the Observatory from a `rhrread` answer."""
    humidity_block = rhrread.get("humidity")
    humidity = station_value(humidity_block)
    if humidity is None or not 0 <= humidity <= 100:
        raise HkoDataError("no humidity reading at the Hong Kong Observatory")
    when = record_time(humidity_block.get("recordTime"))
    return Observation(
        humidity=round(humidity),
        record_time=when,
        temperature=station_value(rhrread.get("temperature")),
    )


def warning_name(entry: dict, lang: str = "en") -> str | None:
    """HKO's own name of one warning, with its type when it has one (signal, colour)."""
    name = str(entry.get("name") or "").strip()
    if not name:
        return None
    kind = entry.get("type")
    kind = kind.strip() if isinstance(kind, str) else ""
    if not kind or kind in name:
        return name
    return f"{name} ({kind})" if lang == "en" else f"{name}（{kind}）"


def warnings_in_force(warnsum, lang: str = "en") -> tuple[str, ...]:
    """The names of the warnings in force in a `warnsum` answer ({} when there are none)."""
    if warnsum in ({}, "", []):
        return ()
    if not isinstance(warnsum, dict):
        raise HkoDataError("warnsum is not an object")
    names = []
    for entry in warnsum.values():
        if not isinstance(entry, dict):
            raise HkoDataError("warnsum entry is not an object")
        if str(entry.get("actionCode", "")).upper() == CANCELLED:
            continue
        name = warning_name(entry, lang)
        if name and name not in names:
            names.append(name)
    return tuple(names)
