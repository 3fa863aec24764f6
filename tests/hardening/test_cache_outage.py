"""Finding 2: a cache failure never breaks a page (a real Redis, stopped under requests)."""

import logging
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from portal import cache as fail_open
from portal.i18n.simplified import local_pages
from tests.hardening.servers import free_port, private_redis
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db


def redis_settings(url: str):
    return override_settings(
        REDIS_URL=url,
        CACHES={
            **settings.CACHES,
            "default": {"BACKEND": "portal.cache.FailOpenRedisCache", "LOCATION": url},
        },
    )


@pytest.fixture
def no_pause(monkeypatch):
    """Retry Redis on every call, so the test sees recovery at once."""
    monkeypatch.setattr(fail_open, "PAUSE_SECONDS", 0)


def test_sc_pages_are_served_while_redis_is_down_and_use_it_again_after(client, no_pause, caplog):
    scheme = make_scheme()
    with private_redis() as redis, redis_settings(redis.url):
        local_pages.clear()
        assert client.get(f"/sc/schemes/{scheme.slug}/").status_code == 200
        assert cache.get("readyz") is None  # a real round trip works
        redis.stop()
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="portal.cache"):
            for _ in range(5):
                local_pages.clear()
                started = time.monotonic()
                assert client.get(f"/sc/schemes/{scheme.slug}/").status_code == 200
                assert time.monotonic() - started < 2
            ready = client.get("/readyz")
        assert ready.status_code == 200
        assert ready.json()["status"] == "degraded"
        warnings = [r for r in caplog.records if r.name == "portal.cache"]
        assert len(warnings) <= 1  # at most once a minute, not per request
        redis.start()
        local_pages.clear()
        assert client.get(f"/sc/schemes/{scheme.slug}/").status_code == 200
        assert client.get("/readyz").json()["status"] == "ok"
        cache.set("back", "yes")
        assert cache.get("back") == "yes"


def test_every_cache_operation_fails_open_on_a_closed_port():
    url = f"redis://127.0.0.1:{free_port()}/0"
    with redis_settings(url):
        assert cache.get("k", "default") == "default"
        assert cache.get_many(["a", "b"]) == {}
        assert cache.set("k", "v") is None
        assert cache.add("k", "v") is True
        assert cache.add("counter", 0) is True  # counted in this process meanwhile
        assert cache.incr("counter") == 1
        assert cache.incr("counter") == 2
        assert cache.delete("k") is False
        assert cache.get_or_set("k", "computed") == "computed"
        assert cache.has_key("k") is False


def test_rate_limits_stay_on_while_redis_is_down_or_frozen(rf):
    """Redis down (a closed port), then frozen (accepts, never answers): the limit still bites."""
    import socket

    from portal.ratelimit import rate_limited

    frozen = socket.socket()
    frozen.bind(("127.0.0.1", 0))
    frozen.listen(50)
    try:
        for url in (
            f"redis://127.0.0.1:{free_port()}/0",
            f"redis://127.0.0.1:{frozen.getsockname()[1]}/0",
        ):
            with redis_settings(url):
                request = rf.get("/en/assistant/", REMOTE_ADDR="203.0.113.9")
                answers = [
                    rate_limited(request, scope=f"test-{url}", limit=3, seconds=60)
                    for _ in range(6)
                ]
            assert answers == [False, False, False, True, True, True], url
    finally:
        frozen.close()


def test_the_limit_holds_across_the_turn_of_a_window(rf):
    import time_machine

    from portal.ratelimit import rate_limited

    request = rf.get("/en/assistant/", REMOTE_ADDR="203.0.113.10")
    with time_machine.travel(1_800_000_050, tick=False) as clock:  # 10 s before a minute turns
        answers = [rate_limited(request, scope="turn", limit=10, seconds=60) for _ in range(10)]
        clock.shift(15)  # into the next minute
        answers += [rate_limited(request, scope="turn", limit=10, seconds=60) for _ in range(3)]
    assert answers == [False] * 10 + [True] * 3
