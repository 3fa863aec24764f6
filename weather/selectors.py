"""What the pages show of HKO's readings: read from the cache only, never from HKO."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache

from .services import OBSERVATION_KEY, WARNINGS_KEY

# A reading older than this shows the original page's dashes.
STALE_AFTER = timedelta(hours=2)
# A clock a little ahead of ours is HKO's; further ahead is a bad reading.
FUTURE_TOLERANCE = timedelta(minutes=10)


@dataclass(frozen=True)
class WeatherNow:
    humidity: int | None = None
    record_time: datetime | None = None
    warnings: tuple[str, ...] = ()


def is_fresh(moment: datetime, *, now: datetime) -> bool:
    return now - STALE_AFTER <= moment <= now + FUTURE_TOLERANCE


def weather_now(*, now: datetime, hko_language: str) -> WeatherNow:
    """The humidity and warnings to show at `now`, in HKO's language `en` or `tc`."""
    observation = cache.get(OBSERVATION_KEY)
    warnings = cache.get(WARNINGS_KEY)
    fresh = observation is not None and is_fresh(observation.record_time, now=now)
    return WeatherNow(
        humidity=observation.humidity if fresh else None,
        record_time=observation.record_time if fresh else None,
        warnings=(
            warnings.names.get(hko_language, ())
            if warnings is not None and is_fresh(warnings.fetched_at, now=now)
            else ()
        ),
    )
