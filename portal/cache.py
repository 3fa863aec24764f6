"""The shared cache (Redis), failing open: a cache is an optimisation, never a reason for an
error page. Every user of the cache (converted pages, the page cache, rate limits, the weather
panel) goes through this backend, so this is the one place that decides what an outage means.

While Redis cannot be reached, reads miss and writes are dropped; `add` and `incr` count in the
process instead (a LocMemCache of its own), so rate limits stay on and a lock taken with `add`
holds within the worker, until Redis answers again. Connections time out quickly, a failure pauses
use of Redis for a few seconds so a dead server costs one timeout per pause, not one per call,
and the outage is logged at WARNING at most once a minute per process.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

from portal.logs import LogThrottle

logger = logging.getLogger("portal.cache")

CONNECTION_OPTIONS = {
    "socket_connect_timeout": 0.25,
    "socket_timeout": 0.5,
    # redis-py retries with backoff by default: seconds per call while Redis is down.
    "retry": Retry(NoBackoff(), 0),
    "health_check_interval": 30,
}
PAUSE_SECONDS = 5
WARNING_INTERVAL_SECONDS = 60
FAILED = object()


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**CONNECTION_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._paused_until = 0.0
        self._warnings = LogThrottle(WARNING_INTERVAL_SECONDS)
        # Counters and locks while Redis is out: this process's own.
        self._local = LocMemCache("fail-open", {"OPTIONS": {"MAX_ENTRIES": 10_000}})

    @property
    def available(self) -> bool:
        return time.monotonic() >= self._paused_until

    def _attempt(self, operation, fallback, *args, **kwargs):
        if not self.available:
            return fallback
        try:
            return operation(*args, **kwargs)
        except (RedisError, OSError) as error:
            self._failed(error)
            return fallback

    def _failed(self, error):
        self._paused_until = time.monotonic() + PAUSE_SECONDS
        if not self._warnings.allow():
            return
        logger.warning("Cache unavailable, pages are served without it: %s", type(error).__name__)

    def get(self, key, default=None, version=None):
        return self._attempt(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._attempt(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(super().has_key, False, key, version)

    def set(self, *args, **kwargs):
        self._attempt(super().set, None, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        return self._attempt(super().set_many, list(data), data, *args, **kwargs)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self._attempt(super().add, FAILED, key, value, timeout, version)
        if added is FAILED:
            return self._local.add(key, value, timeout, version)
        return added

    def touch(self, *args, **kwargs):
        return self._attempt(super().touch, False, *args, **kwargs)

    def incr(self, key, delta=1, version=None):
        value = self._attempt(super().incr, FAILED, key, delta, version)
        return self._local.incr(key, delta, version) if value is FAILED else value

    def delete(self, key, version=None):
        return self._attempt(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        self._attempt(super().delete_many, None, keys, version)

    def clear(self):
        self._attempt(super().clear, None)
