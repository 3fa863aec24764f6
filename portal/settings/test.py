"""Tests: base settings with fast hashing. DATABASE_URL and REDIS_URL still apply, so CI
runs the same suite on PostgreSQL and Redis."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Nothing in the tests may reach the real HKO: a closed loopback port, unless a test points
# it at its own stub server. Tests refresh the weather themselves, never in the background.
HKO_WEATHER_URL = "http://127.0.0.1:9/"
WEATHER_BACKGROUND_REFRESH = False

# A test sees its own saves at once: the index is rebuilt in the request that finds it stale.
SEARCH_BACKGROUND_BUILD = False
