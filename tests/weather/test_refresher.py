"""The background refresher: started by the first request in a web process, never in a
process with it switched off, fetching at start without any page waiting for it."""

import time

import pytest
from django.core.cache import cache

from weather import refresher, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def background(settings):
    settings.WEATHER_BACKGROUND_REFRESH = True
    yield
    refresher.stop_refresher()


def wait_for(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


def test_a_request_starts_the_refresher_which_fetches_at_once(background, hko, client):
    hko.answers[("rhrread", "en")].delay = 1  # a slow HKO
    started = time.monotonic()
    assert client.get("/en/").status_code == 200
    assert time.monotonic() - started < 0.9  # the page did not wait for HKO
    assert wait_for(lambda: cache.get(services.OBSERVATION_KEY) is not None)
    client.get("/tc/")
    assert refresher._thread.is_alive()
    assert hko.requests.count(("rhrread", "en")) == 1  # one thread, one fetch per interval


def test_no_refresher_when_switched_off(hko, client):
    client.get("/en/")
    time.sleep(0.2)
    assert hko.requests == []
    assert refresher._started_in_pid is None
