"""Fetching HKO's readings out of band into the shared cache, one fetch at a time."""

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .client import HkoUnavailable, fetch_json, hko_url
from .hko import HkoDataError, Observation, observation, warnings_in_force

logger = logging.getLogger(__name__)

OBSERVATION_KEY = "weather:observation"
WARNINGS_KEY = "weather:warnings"
LOCK_KEY = "weather:fetch-lock"
NEXT_FETCH_KEY = "weather:next-fetch"
# Long enough for the pages to say "--" themselves once a reading is two hours old.
KEEP_SECONDS = 6 * 60 * 60
# Three answers of at most 3 seconds each, with room to spare.
LOCK_SECONDS = 30
HKO_LANGUAGES = ("en", "tc")
# After a failure, ask again sooner than the usual interval.
RETRY_SECONDS = 60
# Set while a part keeps failing, so an outage is one warning (and one note when it ends) in
# the logs of all workers, not one a minute from each.
FAILING_KEY = "weather:failing:{key}"


@dataclass(frozen=True)
class Warnings:
    """Warnings in force, by HKO language code, as fetched at one moment."""

    names: dict[str, tuple[str, ...]]
    fetched_at: datetime


def _fetch_observation() -> Observation:
    return observation(fetch_json(hko_url(settings.HKO_WEATHER_URL, "rhrread", "en")))


def _fetch_warnings() -> Warnings:
    names = {
        lang: warnings_in_force(
            fetch_json(hko_url(settings.HKO_WEATHER_URL, "warnsum", lang)), lang
        )
        for lang in HKO_LANGUAGES
    }
    return Warnings(names=names, fetched_at=timezone.now())


def _keep(key: str, fetch) -> bool:
    failing = FAILING_KEY.format(key=key)
    try:
        cache.set(key, fetch(), timeout=KEEP_SECONDS)
    except (HkoUnavailable, HkoDataError) as error:
        if cache.add(failing, True, timeout=KEEP_SECONDS):
            logger.warning("HKO %s not refreshed, retrying every minute: %s", key, error)
        else:
            logger.info("HKO %s still not refreshed: %s", key, error)
        return False
    if cache.delete(failing):
        logger.warning("HKO %s refreshed again", key)
    return True


def weather_refresh(*, interval: int | None = None) -> bool:
    """Fetch HKO's humidity and warnings once and keep what was read. Each part that fails
    leaves the last good one in place. False when another fetch is running or anything failed.
    """
    token = uuid.uuid4().hex
    if not cache.add(LOCK_KEY, token, timeout=LOCK_SECONDS):
        return False
    try:
        cache.set(NEXT_FETCH_KEY, True, timeout=interval or settings.WEATHER_REFRESH_SECONDS)
        succeeded = all(
            [_keep(OBSERVATION_KEY, _fetch_observation), _keep(WARNINGS_KEY, _fetch_warnings)]
        )
        if not succeeded:
            cache.set(NEXT_FETCH_KEY, True, timeout=RETRY_SECONDS)
        return succeeded
    finally:
        if cache.get(LOCK_KEY) == token:
            cache.delete(LOCK_KEY)


def weather_refresh_if_due(*, interval: int) -> bool:
    """Refresh when no worker has tried within the last `interval` seconds."""
    if not cache.add(NEXT_FETCH_KEY, True, timeout=interval):
        return False
    return weather_refresh(interval=interval)
