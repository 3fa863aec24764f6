"""The site under gunicorn with production settings, for fault tests, `make fuzz` and
`make soak`: its own database and cache, a free port, and nothing reaching the internet."""

import contextlib
import http.client
import os
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

from tests.hardening.servers import free_port

BASE_DIR = Path(__file__).resolve().parent.parent.parent
HOST = "127.0.0.1"


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    content: bytes
    cookies: dict[str, str]


@dataclass
class Site:
    port: int
    env: dict[str, str]
    process: subprocess.Popen
    log_path: Path | None = None

    def log(self) -> str:
        """What gunicorn and the site wrote to standard error so far."""
        return self.log_path.read_text(errors="replace") if self.log_path else ""

    def request(self, method: str, path: str, *, body=None, headers=None, timeout=30):
        connection = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
            response = connection.getresponse()
            cookies = SimpleCookie()
            for header in response.headers.get_all("Set-Cookie") or []:
                cookies.load(header)
            return Response(
                response.status,
                dict(response.getheaders()),
                response.read(),
                {name: morsel.value for name, morsel in cookies.items()},
            )
        finally:
            connection.close()

    def manage(self, *arguments, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=BASE_DIR, env=self.env, check=True, capture_output=True, text=True, **kwargs,
        )  # fmt: skip

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def site_environment(*, database_url: str, redis_url: str, work: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(work / "static"),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "LOG_LEVEL": "WARNING",
        # The weather panel's fetcher never reaches the internet.
        "HKO_WEATHER_URL": "http://127.0.0.1:9/",
        # Without REDIS_URL: this site's own shared cache, not var/cache.
        "LOCAL_CACHE_DIR": str(work / "cache"),
        "SEARCH_MATRIX_DIR": str(work / "search"),
    }


@contextlib.contextmanager
def running_site(*, database_url: str, redis_url: str, port: int = 0, workers: int = 2,
                 seed: bool = False, environment: dict | None = None):  # fmt: skip
    """Migrate, collect static files, start gunicorn; stop it (and wait) however we leave.
    What gunicorn and the site log goes to `site.log()`."""
    with tempfile.TemporaryDirectory(prefix="portal-site-") as work:
        env = site_environment(database_url=database_url, redis_url=redis_url, work=Path(work))
        env.update(environment or {})
        log_path = Path(work) / "gunicorn.log"
        commands = [["migrate", "--noinput"], ["collectstatic", "--noinput"]]
        if seed:
            commands.append(["load_seed"])
        for command in commands:
            subprocess.run(
                [sys.executable, "manage.py", *command, "-v0"],
                cwd=BASE_DIR, env=env, check=True, capture_output=True,
            )  # fmt: skip
        port = port or free_port()
        log_file = log_path.open("ab")  # the child writes to it; closed when it stops
        process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi",
                "--config", str(BASE_DIR / "gunicorn.conf.py"),
                "--bind", f"{HOST}:{port}", "--workers", str(workers), "--timeout", "30",
                "--log-level", "warning",
            ],
            cwd=BASE_DIR, env=env, stdout=log_file, stderr=subprocess.STDOUT,
        )  # fmt: skip
        site = Site(port, env, process, log_path)
        try:
            deadline = time.monotonic() + 30
            while True:
                # Every worker forked, not only the first that answers: they are forked from a
                # master that loaded the site, so the first answers while others are forked.
                with contextlib.suppress(OSError):
                    healthy = site.request("GET", "/healthz", timeout=2).status == 200
                    if healthy and len(site.worker_pids()) >= workers:
                        break
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("gunicorn did not start")
                time.sleep(0.1)
            yield site
        finally:
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
            log_file.close()


@contextlib.contextmanager
def private_site(*, port: int = 0, workers: int = 2, seed: bool = False):
    """The site with its own PostgreSQL and Redis: (site, postgres, redis)."""
    from tests.hardening.servers import private_postgres, private_redis

    with (
        private_postgres() as postgres,
        private_redis() as redis,
        running_site(
            database_url=postgres.url, redis_url=redis.url, port=port, workers=workers, seed=seed
        ) as site,
    ):
        yield site, postgres, redis


def worker_rss_kb(site: Site) -> dict[int, int]:
    """Resident memory of each gunicorn worker, in KB."""
    return {pid: memory["rss"] for pid, memory in worker_memory_kb(site).items()}


def worker_memory_kb(site: Site) -> dict[int, dict[str, int]]:
    """Each gunicorn worker's memory in KB: resident ("rss", counting every page it maps,
    shared or not), its share ("pss": a page shared by n processes counts 1/n) and its own
    ("private": what another worker adds to the machine)."""
    sizes = {}
    for pid in site.worker_pids():
        with contextlib.suppress(OSError):
            fields = {}
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
                name, value = line.split(":", 1)
                fields[name] = int(value.split()[0])
            sizes[pid] = {
                "rss": fields["Rss"],
                "pss": fields["Pss"],
                "private": fields["Private_Clean"] + fields["Private_Dirty"],
            }
    return sizes
