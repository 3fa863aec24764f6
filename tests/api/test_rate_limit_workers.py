"""The API's per-address limit holds across gunicorn's worker processes: they count together
in the shared cache."""

import contextlib
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.hardening.servers import private_redis
from tests.hardening.site import running_site

LIMIT = 20
REQUESTS = 60


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


@contextlib.contextmanager
def site_with_limit():
    with (
        tempfile.TemporaryDirectory(prefix="portal-api-") as work,
        private_redis() as redis,
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setenv("API_REQUESTS_PER_MINUTE", str(LIMIT))
        database = f"sqlite:///{work}/db.sqlite3"
        with running_site(database_url=database, redis_url=redis.url, workers=3) as site:
            yield site


def test_workers_share_one_count_per_address():
    with site_with_limit() as site:
        # Start within a minute's window, so every request counts towards the same one.
        if time.time() % 60 > 50:
            time.sleep(60 - time.time() % 60)
        workers = site.worker_pids()
        before = {pid: cpu_ticks(pid) for pid in workers}
        with ThreadPoolExecutor(max_workers=6) as pool:
            statuses = list(
                pool.map(lambda _: site.request("GET", "/api/v1/notices/").status, range(REQUESTS))
            )
        busy = [pid for pid in workers if cpu_ticks(pid) > before[pid]]
    assert statuses.count(200) == LIMIT
    assert statuses.count(429) == REQUESTS - LIMIT
    assert len(busy) >= 2, "the requests were not shared between workers"
