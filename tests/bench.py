"""`make bench`: every page type, measured with wrk against the framework limit in one run.

Gunicorn serves the seeded site under the production settings (2 workers) twice: as deployed,
and with pages never fresh in the page cache (every request renders, as after a change). The
framework limit is a minimal view returning a page of the same size through the same stack
(tests/bench_urls.py), measured at the start and the end. The machines are shared and noisy:
the ratios are the figures that matter. A second pass repeats it on PostgreSQL and Redis when
DATABASE_URL and REDIS_URL are set; a last run of BENCH_RSS_SECONDS prints the workers' memory.
"""

import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8730"))  # and the next one
WORKERS = 2
SECONDS = int(os.environ.get("BENCH_SECONDS", "2"))
RSS_SECONDS = int(os.environ.get("BENCH_RSS_SECONDS", "60"))
WRK = ["wrk", "-t2", "-c16", "--latency", "--timeout", "10s"]
LANGUAGES = ("en", "tc", "sc")
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def fetch(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def wrk(port: int, path: str, seconds: int = SECONDS, script: str | None = None) -> dict:
    command = [*WRK, f"-d{seconds}s", *(["-s", script] if script else [])]
    output = subprocess.run(
        [*command, f"http://{HOST}:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    assert "Non-2xx" not in output, f"{path} answered errors:\n{output}"

    def latency(percent: str) -> float:
        found = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s|m)\b", output, re.M)
        assert found, f"no {percent}% latency for {path} in:\n{output}"
        return float(found.group(1)) * UNITS[found.group(2)]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return {"rps": rps, "p50": latency("50"), "p99": latency("99")}


@contextmanager
def gunicorn(port: int, env: dict):
    command = [
        str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi",
        "--bind", f"{HOST}:{port}", "--workers", str(WORKERS), "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                if fetch(port, "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=20)


def worker_rss_mb(server) -> list[float]:
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return sizes


def page_paths() -> dict[str, str]:
    """One page of each type, as the path after the language prefix."""
    from django.utils import timezone

    from events.models import Event
    from notices.models import Notice
    from portal.models import Organisation
    from schemes.models import Scheme

    pages = {"home": "", "finder": "schemes/"}
    scheme = Scheme.objects.published().order_by("-pk").first()
    pages["scheme"] = f"schemes/{scheme.slug}/"
    pages["events"] = "events/"
    event = Event.objects.published().order_by("-starts_at").first()
    month = timezone.localtime(event.starts_at)
    pages["events month"] = f"events/{month:%Y/%m}/"
    pages["past events"] = "events/past/"
    pages["event"] = f"events/{event.slug}/"
    pages["notices"] = "notices/"
    notice = Notice.objects.published().exclude(slug=Notice.MAIN_SLUG).first()
    pages["notice"] = f"notices/{notice.slug}/"
    pages["organisation"] = f"organisations/{Organisation.objects.published().first().slug}/"
    return pages


def queries_and_sizes(pages: dict[str, str]) -> tuple[dict, int]:
    """Queries each page makes when rendered, and the median page size."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_FRESH_SECONDS = 0
    client, queries, sizes = Client(HTTP_HOST=HOST), {}, []
    for label, page in pages.items():
        for language in LANGUAGES:
            client.get(f"/{language}/{page}")  # once to warm per-process state
            with CaptureQueriesContext(connection) as context:
                response = client.get(f"/{language}/{page}")
            assert response.status_code == 200, (language, page)
            queries[label, language] = len(context.captured_queries)
            sizes.append(len(response.content))
    return queries, int(statistics.median(sizes))


def print_table(pages, cached, uncached, queries, limit):
    print(f"{'page':<14}{'lang':<5}{'limit r/s':>10}"
          f"{'cached r/s':>11}{'ratio':>7}{'p50':>7}{'p99':>7}"
          f"{'uncached r/s':>14}{'ratio':>7}{'p50':>7}{'p99':>7}{'queries':>9}")  # fmt: skip
    for label in pages:
        for language in LANGUAGES:
            c, u = cached[label, language], uncached[label, language]
            print(f"{label:<14}{language:<5}{limit[label]:>10.0f}"
                  f"{c['rps']:>11.0f}{c['rps'] / limit[label]:>7.2f}"
                  f"{c['p50']:>7.1f}{c['p99']:>7.1f}"
                  f"{u['rps']:>14.0f}{u['rps'] / limit[label]:>7.2f}"
                  f"{u['p50']:>7.1f}{u['p99']:>7.1f}{queries[label, language]:>9}")  # fmt: skip
    print("/sc/ ÷ /tc/ requests per second (cached, uncached):")
    for label in pages:
        ratios = [figures[label, "sc"]["rps"] / figures[label, "tc"]["rps"]
                  for figures in (cached, uncached)]  # fmt: skip
        print(f"  {label:<14}{ratios[0]:>6.2f}{ratios[1]:>6.2f}")
    worst_cached = min(c["rps"] / limit[label] for (label, _), c in cached.items())
    worst_uncached = min(u["rps"] / limit[label] for (label, _), u in uncached.items())
    print(f"lowest ratios: cached {worst_cached:.2f} (target >= 0.66), "
          f"uncached {worst_uncached:.2f} (target >= 0.15)")  # fmt: skip


def bench_pass(env: dict, rss: bool):
    import django

    django.setup()
    pages = page_paths()
    queries, page_bytes = queries_and_sizes(pages)
    env = {**env, "BENCH_PAGE_BYTES": str(page_bytes)}
    uncached_env = {**env, "PAGE_CACHE_FRESH_SECONDS": "0"}
    with gunicorn(PORT, env), gunicorn(PORT + 1, uncached_env) as uncached_server:
        for _ in range(50):  # warm the limit view
            fetch(PORT, "/bench/limit")
        limits = [wrk(PORT, "/bench/limit")]
        print(f"framework limit ({page_bytes / 1024:.1f} KB page) at start: "
              f"{limits[0]['rps']:.0f} req/s, p50 {limits[0]['p50']:.1f} ms, "
              f"p99 {limits[0]['p99']:.1f} ms")  # fmt: skip
        cached, uncached, limit = {}, {}, {}
        for number, (label, page) in enumerate(pages.items()):
            if number:  # the machine is shared: each page type is held to the limit around it
                limits.append(wrk(PORT, "/bench/limit"))
            for language in LANGUAGES:
                path = f"/{language}/{page}"
                for port in (PORT, PORT + 1):
                    for _ in range(5):
                        fetch(port, path)
                cached[label, language] = wrk(PORT, path)
                uncached[label, language] = wrk(PORT + 1, path)
        limits.append(wrk(PORT, "/bench/limit"))
        print(f"framework limit at end: {limits[-1]['rps']:.0f} req/s")
        for number, label in enumerate(pages):
            limit[label] = statistics.mean(f["rps"] for f in limits[number : number + 2])
        print_table(pages, cached, uncached, queries, limit)
        if rss:
            paths = [f"/{language}/{page}" for page in pages.values() for language in LANGUAGES]
            memory_run(uncached_server, paths)


def memory_run(server, paths: list[str]):
    script = Path(tempfile.mkdtemp(prefix="portal-bench-")) / "pages.lua"
    quoted = ", ".join(f'"{path}"' for path in paths)
    script.write_text(
        f"local paths = {{{quoted}}}\nlocal i = 0\n"
        "request = function()\n  i = i + 1\n"
        "  return wrk.format('GET', paths[i % #paths + 1])\nend\n"
    )
    before = worker_rss_mb(server)
    figures = wrk(PORT + 1, "/", seconds=RSS_SECONDS, script=str(script))
    after = worker_rss_mb(server)
    print(f"{RSS_SECONDS}-second run over all {len(paths)} pages, uncached: "
          f"{figures['rps']:.0f} req/s; worker RSS before "
          f"{', '.join(f'{mb:.1f}' for mb in before)} MB, after "
          f"{', '.join(f'{mb:.1f}' for mb in after)} MB")  # fmt: skip


def database_create_if_missing(database_url: str) -> None:
    """A fresh machine has no benchmark database on its PostgreSQL yet: make it."""
    if not database_url.startswith("postgres"):
        return
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(database_url)
    server = {"host": config["HOST"], "port": config["PORT"] or 5432, "user": config["USER"]}
    with psycopg.connect(**server, password=config["PASSWORD"], dbname="postgres") as connection:
        connection.autocommit = True
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not found:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))


def prepared_environment(work: Path, database_url: str, redis_url: str) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.bench_settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(work / "static"),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
        "HKO_WEATHER_URL": "http://127.0.0.1:9/",  # the weather panel never leaves the machine
        "WEATHER_BACKGROUND_REFRESH": "false",  # no fetching thread beside the measured work
    }
    database_create_if_missing(database_url)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["load_seed"], ["collectstatic", "--noinput"]):
        subprocess.run([*manage, *command, "-v0"], cwd=BASE_DIR, env=env, check=True)
    return env


def main():
    if len(sys.argv) > 1:  # one pass, in its own process with its own settings
        bench_pass(dict(os.environ), rss=sys.argv[1] == "rss")
        return
    work = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    passes = [("SQLite, local-memory cache", f"sqlite:///{work / 'db.sqlite3'}", "")]
    if os.environ.get("DATABASE_URL") and os.environ.get("REDIS_URL"):
        passes.append(("PostgreSQL, Redis", os.environ["DATABASE_URL"], os.environ["REDIS_URL"]))
    command = " ".join(WRK)
    print(f"gunicorn, {WORKERS} workers, production settings; {command} -d{SECONDS}s", flush=True)
    for number, (name, database_url, redis_url) in enumerate(passes):
        print(f"\n== {name}", flush=True)
        env = prepared_environment(work, database_url, redis_url)
        argument = "rss" if number == 0 and RSS_SECONDS else "plain"
        subprocess.run([sys.executable, "-m", "tests.bench", argument], env=env, check=True)


if __name__ == "__main__":
    main()
