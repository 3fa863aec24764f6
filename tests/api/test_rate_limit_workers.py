"""The API's per-address limit holds across gunicorn's worker processes: they count together
in the shared cache."""

import contextlib
import re
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.hardening.servers import private_redis
from tests.hardening.site import running_site

LIMIT = 20
REQUESTS = 60


def served_by(log: str, path: str) -> set[str]:
    """The workers that answered requests for `path`, from the access log."""
    return set(re.findall(rf"served-by <(\d+)> {re.escape(path)}$", log, re.MULTILINE))


@contextlib.contextmanager
def site_with_limit():
    with (
        tempfile.TemporaryDirectory(prefix="portal-api-") as work,
        private_redis() as redis,
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setenv("API_REQUESTS_PER_MINUTE", str(LIMIT))
        # Each request's worker and path in the access log (in site.log()).
        log_format = "--access-logfile - --access-logformat 'served-by %(p)s %(U)s'"
        patch.setenv("GUNICORN_CMD_ARGS", log_format)
        database = f"sqlite:///{work}/db.sqlite3"
        with running_site(database_url=database, redis_url=redis.url, workers=3) as site:
            yield site


def test_workers_share_one_count_per_address():
    with site_with_limit() as site:
        # Start within a minute's window, so every request counts towards the same one.
        if time.time() % 60 > 50:
            time.sleep(60 - time.time() % 60)
        with ThreadPoolExecutor(max_workers=6) as pool:
            statuses = list(
                pool.map(lambda _: site.request("GET", "/api/v1/notices/").status, range(REQUESTS))
            )
        busy = served_by(site.log(), "/api/v1/notices/")
    assert statuses.count(200) == LIMIT
    assert statuses.count(429) == REQUESTS - LIMIT
    assert len(busy) >= 2, "the requests were not shared between workers"
