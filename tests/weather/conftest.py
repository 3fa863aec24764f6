import pytest
from django.core.cache import cache

from tests.weather.hko_stub import HkoStub, storm_answers

# The recorded payloads' reading: 14:00 Hong Kong time on 23 November 2026.
RECORDED = "2026-11-23T14:00:00+08:00"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def moving_clock_cache(settings):
    """A local-memory cache, for tests that move the clock: Redis expires keys by its own."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hko(settings):
    """A local HKO serving the recorded storm payloads, and the site pointed at it."""
    with HkoStub(storm_answers()) as stub:
        settings.HKO_WEATHER_URL = stub.url
        yield stub
