"""Tests: base settings with fast hashing. DATABASE_URL and REDIS_URL still apply, so CI
runs the same suite on PostgreSQL and Redis."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Nothing in the tests may reach the real HKO: a closed loopback port, unless a test points
# it at its own stub server. Tests refresh the weather themselves, never in the background.
HKO_WEATHER_URL = "http://127.0.0.1:9/"
WEATHER_BACKGROUND_REFRESH = False
# Nor may it fetch a real outside link: only the tests' own server on loopback is checked, in
# the request (tests of the background check start and join the thread themselves).
LINK_CHECK_ONLY_HOSTS = {"127.0.0.1"}
LINK_CHECK_BACKGROUND = False
LINK_CHECK_TIMEOUT_SECONDS = 1

# Absolute URLs come from SITE_URL (portal.site), never from the Host header: the test
# client's host, so links in pages and the addresses tests request agree.
SITE_URL = "http://testserver"

# The suite's own shared cache, not the one `make run` uses in var/cache; removed at exit.
if not REDIS_URL:  # noqa: F405
    CACHES["default"]["LOCATION"] = tempfile.mkdtemp(prefix="portal-test-cache-")  # noqa: F405
    atexit.register(shutil.rmtree, CACHES["default"]["LOCATION"], ignore_errors=True)  # noqa: F405

# The suite's own files of passage vectors, removed at exit.
SEARCH_MATRIX_DIR = tempfile.mkdtemp(prefix="portal-test-search-")
atexit.register(shutil.rmtree, SEARCH_MATRIX_DIR, ignore_errors=True)

# A test sees its own saves at once: the index is rebuilt in the request that finds it stale.
SEARCH_BACKGROUND_BUILD = False
