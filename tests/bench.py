"""`make bench`: every page type, measured with wrk against the framework limit in one run.

Gunicorn serves the seeded site under the production settings (2 workers) twice: as deployed,
and with nothing remembered between requests (cold: every request renders from the database, as
after a change). Each page is measured cached, uncached (rendered by the view, content
unchanged) and cold. The framework limit is a minimal view returning a page of the same size
through the same stack (tests/bench_urls.py), measured around each page type, at the start and
at the end. The machines are shared and noisy:
the ratios are the figures that matter. A second pass repeats it on PostgreSQL and Redis when
DATABASE_URL and REDIS_URL are set; a last run of BENCH_RSS_SECONDS prints the workers' memory.
"""

import http.client
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from tests.bench_api import bench_api
from tests.hardening.site import Site, site_environment, worker_rss_kb

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
        "--config", str(BASE_DIR / "gunicorn.conf.py"),
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
        yield Site(port, env, server)
    finally:
        server.terminate()
        server.wait(timeout=20)


def worker_rss_mb(site: Site) -> list[float]:
    return [kb / 1024 for kb in worker_rss_kb(site).values()]


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


def queries_and_sizes(pages: dict[str, str]) -> tuple[dict, dict]:
    """Queries each page makes when rendered, and each page type's median size."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_FRESH_SECONDS = 0
    client, queries, sizes = Client(HTTP_HOST=HOST), {}, {}
    for label, page in pages.items():
        measured = []
        for language in LANGUAGES:
            client.get(f"/{language}/{page}")  # once to warm per-process state
            with CaptureQueriesContext(connection) as context:
                response = client.get(f"/{language}/{page}")
            assert response.status_code == 200, (language, page)
            queries[label, language] = len(context.captured_queries)
            measured.append(len(response.content))
        sizes[label] = int(statistics.median(measured))
    return queries, sizes


# Three ways a page is served: from the page cache; rendered by the view while the content is
# unchanged (what a query-string variant or a page the cache does not hold gets: the request
# carries a parameter no page declares, so the page cache renders it and keeps nothing); and
# cold, with nothing remembered between requests, as on the first request after a change.
MODES = ("cached", "uncached", "cold")
RENDERED = "bench=rendered"


def print_table(pages, figures, queries, limit, sizes):
    header = f"{'page':<14}{'lang':<5}{'KB':>5}{'limit r/s':>10}"
    for mode in MODES:
        header += (
            f"{mode + ' r/s':>{13 if mode == 'uncached' else 11}}{'ratio':>6}{'p50':>6}{'p99':>6}"
        )
    print(header + f"{'queries':>8}")
    for label in pages:
        for language in LANGUAGES:
            row = f"{label:<14}{language:<5}{sizes[label] / 1024:>5.1f}{limit[label]:>10.0f}"
            for mode in MODES:
                f = figures[mode][label, language]
                width = 13 if mode == "uncached" else 11
                row += f"{f['rps']:>{width}.0f}{f['rps'] / limit[label]:>6.2f}"
                row += f"{f['p50']:>6.1f}{f['p99']:>6.1f}"
            print(row + f"{queries[label, language]:>8}")
    print("/sc/ ÷ /tc/ requests per second (" + ", ".join(MODES) + "):")
    for label in pages:
        ratios = [figures[mode][label, "sc"]["rps"] / figures[mode][label, "tc"]["rps"]
                  for mode in MODES]  # fmt: skip
        print(f"  {label:<14}" + "".join(f"{ratio:>6.2f}" for ratio in ratios))
    lowest = {
        mode: min(f["rps"] / limit[label] for (label, _), f in figures[mode].items())
        for mode in MODES
    }
    print(f"lowest ratios: cached {lowest['cached']:.2f} (target >= 0.66), "
          f"uncached {lowest['uncached']:.2f} (target >= 0.15), "
          f"cold {lowest['cold']:.2f}")  # fmt: skip


def bench_pass(env: dict, rss: bool):
    import django

    django.setup()
    pages = page_paths()
    queries, sizes = queries_and_sizes(pages)
    typical = int(statistics.median(sizes.values()))
    cold_env = {**env, "PAGE_CACHE_FRESH_SECONDS": "0"}
    with gunicorn(PORT, env), gunicorn(PORT + 1, cold_env) as cold_site:
        for _ in range(50):  # warm the limit view
            fetch(PORT, f"/bench/limit/{typical}")
        start = wrk(PORT, f"/bench/limit/{typical}")
        print(f"framework limit ({typical / 1024:.1f} KB page) at start: "
              f"{start['rps']:.0f} req/s, p50 {start['p50']:.1f} ms, "
              f"p99 {start['p99']:.1f} ms")  # fmt: skip
        figures = {mode: {} for mode in MODES}
        limit = {}
        for label, page in pages.items():
            # The machine is shared: each page type is held to the limit, for a page of its own
            # size, measured just before and just after it.
            limit_path = f"/bench/limit/{sizes[label]}"
            before = wrk(PORT, limit_path)
            for language in LANGUAGES:
                path = f"/{language}/{page}"
                paths = {
                    "cached": (PORT, path),
                    "uncached": (PORT, f"{path}?{RENDERED}"),
                    "cold": (PORT + 1, path),
                }
                for port, measured in paths.values():
                    for _ in range(5):
                        fetch(port, measured)
                for mode, (port, measured) in paths.items():
                    figures[mode][label, language] = wrk(port, measured)
            limit[label] = statistics.mean([before["rps"], wrk(PORT, limit_path)["rps"]])
        end = wrk(PORT, f"/bench/limit/{typical}")
        print(f"framework limit at end: {end['rps']:.0f} req/s")
        print_table(pages, figures, queries, limit, sizes)
        bench_api(port=PORT, cold_port=PORT + 1, fetch=fetch, wrk=wrk)
        if rss:
            paths = [f"/{language}/{page}" for page in pages.values() for language in LANGUAGES]
            memory_run(cold_site, paths)


def memory_run(site: Site, paths: list[str]):
    script = Path(tempfile.mkdtemp(prefix="portal-bench-")) / "pages.lua"
    quoted = ", ".join(f'"{path}"' for path in paths)
    script.write_text(
        f"local paths = {{{quoted}}}\nlocal i = 0\n"
        "request = function()\n  i = i + 1\n"
        "  return wrk.format('GET', paths[i % #paths + 1])\nend\n"
    )
    before = worker_rss_mb(site)
    figures = wrk(PORT + 1, "/", seconds=RSS_SECONDS, script=str(script))
    after = worker_rss_mb(site)
    print(f"{RSS_SECONDS}-second run over all {len(paths)} pages, cold: "
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
        **site_environment(database_url=database_url, redis_url=redis_url, work=work),
        "DJANGO_SETTINGS_MODULE": "tests.bench_settings",
        "PYTHONUNBUFFERED": "1",
        "WEATHER_BACKGROUND_REFRESH": "false",  # no fetching thread beside the measured work
        "API_REQUESTS_PER_MINUTE": str(10**9),  # counted as deployed, never reached by wrk
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
