"""`make bench`, the scale pass: every page type on the seed and on the seed grown by
`manage.py seed_grow` (10×, and 50× unless BENCH_SCALE_FACTORS says otherwise), each in a
database of its own, printed side by side with the ratio to the seed.

In process through Django's test client under the production settings, so the figures are the
application's own time: for each page type in en, tc and sc, the best of ROUNDS requests cold
(PAGE_CACHE_FRESH_SECONDS=0: nothing kept between requests, as after a change) and warm (from
the page cache), and the queries of a cold render; the index build (vectors from the database).
The machine is shared: the best of the rounds is nearer what the application itself needs.
Then the memory of the gunicorn workers as deployed (forked from a master that loaded the site):
resident, shared and own, at start, after a crawl of every page type and every item's page in
every language (at most BENCH_SCALE_CRAWL items) and after a content change.
Targets at 10×: cold within twice the seed's time and under 50 ms; a worker's share of memory
under 150 MB.

Then, for a few page types in English, requests per second under wrk through gunicorn on
127.0.0.1 (tests/bench.py's helpers): cached, uncached (rendered, content unchanged) and cold
(nothing kept, as after a change), each as a ratio to the framework limit for a page of its size,
measured just before and after it in the same run. BENCH_SCALE_WRK=0 leaves this out.
BENCH_SCALE_PAGES="events,sitemap index" times only those page types, and BENCH_SCALE_CRAWL=0
crawls the page types only, no item's page.
"""

import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.hardening.site import site_environment

BASE_DIR = Path(__file__).resolve().parent.parent
FACTORS = os.environ.get("BENCH_SCALE_FACTORS", "10 50").split()
CRAWL_LIMIT = int(os.environ.get("BENCH_SCALE_CRAWL", "4000"))
ROUNDS = 7
SLOW_MS = 300
LANGUAGES = ("en", "tc", "sc")
COLD_LIMIT_MS, COLD_RATIO, MEMORY_LIMIT_MB = 50, 2.0, 150
MEMORY_KINDS = ("rss", "pss", "private")
CHANGE_SETTLE_SECONDS = int(os.environ.get("BENCH_SCALE_SETTLE", "20"))  # for the next index
WRK_PORT = int(os.environ.get("BENCH_SCALE_PORT", "8740"))  # and the next one
# Only these page types (labels, comma-separated), to look at a few while working on them.
ONLY_PAGES = [label for label in os.environ.get("BENCH_SCALE_PAGES", "").split(",") if label]
WRK_PAGES = os.environ.get(
    "BENCH_SCALE_WRK_PAGES",
    "home,finder,scheme,past events,event,search,sitemap index,sitemap events",
).split(",")


def page_paths() -> dict[str, str]:
    """One page of each type, the newest item of each kind (the last generated), as the path
    after the language prefix; a leading / marks a path without one."""
    from assistant.models import CuratedAnswer
    from events.models import Event
    from notices.models import Notice
    from portal.models import Organisation
    from schemes.models import Scheme

    scheme = Scheme.objects.published().order_by("-pk").first()
    first = Scheme.objects.published().order_by("pk").first()
    event = Event.objects.published().order_by("-pk").first()
    notice = Notice.objects.published().exclude(slug=Notice.MAIN_SLUG).order_by("-pk").first()
    organisation = Organisation.objects.published().order_by("-pk").first()
    answer = CuratedAnswer.objects.published().order_by("-pk").first()
    dated = Event.objects.published().filter(date_precision="day").order_by("-pk").first()
    return {
        "home": "",
        "finder": "schemes/",
        "finder filtered": "schemes/?support_type=grant",
        "scheme": f"schemes/{scheme.slug}/",
        "compare": f"schemes/compare/?s={scheme.slug}&s={first.slug}",
        "compare chooser": "schemes/compare/",
        "eligibility": "schemes/check/",
        "schemes feed": "schemes/feed/",
        "events": "events/",
        "events month": f"events/{event.starts_at:%Y/%m}/",
        "past events": "events/past/",
        "past, last page": "events/past/?page=last",
        "event": f"events/{event.slug}/",
        **({"event .ics": f"events/{dated.slug}/calendar.ics"} if dated else {}),
        "events feed": "events/feed.atom",
        "events .ics": "events/feed.ics",
        "notices": "notices/",
        "notice": f"notices/{notice.slug}/",
        "organisation": f"organisations/{organisation.slug}/",
        "search": "search/?q=loan+guarantee",
        "assistant": "assistant/",
        "answer.json": "assistant/answer.json?q=how+much+can+EMF+give+me",
        "answer": f"assistant/answers/{answer.pk}/",
        "api schemes": "/api/v1/schemes/",
        **sitemap_paths(),
    }


def sitemap_paths() -> dict[str, str]:
    """The sitemap index, each section's sitemap and the last page of a section that has more."""
    from django.urls import reverse

    from portal.sitemaps import registered_sitemaps

    paths = {"sitemap index": "/sitemap.xml"}
    for section, sitemap in registered_sitemaps().items():
        path = reverse("sitemap-section", kwargs={"section": section})
        paths[f"sitemap {section}"] = path
        pages = sitemap().paginator.num_pages
        if pages > 1:
            paths[f"sitemap {section} p{pages}"] = f"{path}?p={pages}"
    return paths


def url(language: str, page: str) -> str:
    return page if page.startswith("/") else f"/{language}/{page}"


_requests = itertools.count()


def address() -> str:
    """A visitor address of its own for each request: the assistant limits one's rate."""
    number = next(_requests)
    return f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"


def timed_get(client, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path, REMOTE_ADDR=address())
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (path, response.status_code)
    return elapsed


def render_figures(client, pages: dict[str, str]) -> dict:
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fresh = settings.PAGE_CACHE_FRESH_SECONDS
    figures = {}
    for label, page in pages.items():
        for language in LANGUAGES:
            path = url(language, page)
            settings.PAGE_CACHE_FRESH_SECONDS = 0  # cold: nothing kept between requests
            timed_get(client, path)  # per-process state (the Simplified converter) once
            with CaptureQueriesContext(connection) as context:
                first = timed_get(client, path)
            queries = len(context.captured_queries)  # the next request clears the log
            rounds = ROUNDS if first < SLOW_MS else 1  # a slow page says enough at once
            cold = min([first, *(timed_get(client, path) for _ in range(rounds - 1))])
            settings.PAGE_CACHE_FRESH_SECONDS = fresh
            timed_get(client, path)
            warm = min(timed_get(client, path) for _ in range(rounds))
            figures[f"{label}|{language}"] = {
                "cold": cold,
                "warm": warm,
                "queries": queries,
            }
    return figures


def crawl_paths() -> list[str]:
    """Every public page of every item, and every page of the past events, per language."""
    from django.utils import timezone

    from assistant.models import CuratedAnswer
    from events.models import Event
    from notices.models import Notice
    from portal.models import Organisation
    from schemes.models import Scheme

    items = [
        *Scheme.objects.published(),
        *Event.objects.published(),
        *Notice.objects.published(),
        *Organisation.objects.published(),
        *CuratedAnswer.objects.published(),
    ]
    pages = [item.get_absolute_url().split("/", 2)[2] for item in items]
    past = Event.objects.published().past(timezone.now())
    pages += [f"events/past/?page={number}" for number in range(2, past.count() // 20 + 2)]
    return pages[:CRAWL_LIMIT]


def measure() -> dict:
    """One factor's figures, in this process (its own database)."""
    import django

    django.setup()
    from django.test import Client

    from portal.search import current_index
    from portal.search.store import wait_for_background_build

    started = time.perf_counter()
    index = current_index()  # a worker's first build: vectors from the database
    build_seconds = time.perf_counter() - started
    documents, passages = len(index.documents), len(index.dense.rows) if index.dense else 0
    wait_for_background_build()
    current_index().search("warm up")
    client = Client(HTTP_HOST="127.0.0.1")
    pages = page_paths()
    if ONLY_PAGES:
        pages = {label: path for label, path in pages.items() if label in ONLY_PAGES}
    figures = render_figures(client, pages)
    return {
        "documents": documents,
        "passages": passages,
        "index_build_s": build_seconds,
        "figures": figures,
    }


def memory_figures() -> dict:
    """The gunicorn workers' memory as deployed (WORKERS of them), when they start and after a
    crawl of every page type and every item's page in every language, in this process's
    database: the most of any worker, resident, its share and its own (see worker_memory_kb)."""
    import django

    django.setup()
    from concurrent.futures import ThreadPoolExecutor

    from portal.search.freshness import content_changed
    from tests.bench import WORKERS, fetch, gunicorn
    from tests.hardening.site import worker_memory_kb

    page_types = [url(language, page) for page in page_paths().values() for language in LANGUAGES]
    paths = [
        *page_types,
        *(f"/{language}/{page}" for page in crawl_paths() for language in LANGUAGES),
    ]

    def most(site) -> dict:
        workers = worker_memory_kb(site).values()
        return {kind: max(worker[kind] for worker in workers) / 1024 for kind in MEMORY_KINDS}

    def crawled(path: str) -> int:
        status, _ = fetch(WRK_PORT + 2, path)
        assert status in (200, 404), (path, status)
        return status

    with gunicorn(WRK_PORT + 2, dict(os.environ)) as site:
        start = most(site)
        started = time.perf_counter()
        with ThreadPoolExecutor(WORKERS) as crawlers:  # both workers busy, as under load
            list(crawlers.map(crawled, paths))
            crawl_seconds = time.perf_counter() - started
            after = most(site)
            # A change: each worker builds its next index beside the one it answers from
            # (the master's, shared until then), then serves every page type again.
            content_changed()
            searches = [f"/en/search/?q=grant+{number}" for number in range(4 * WORKERS)]
            list(crawlers.map(crawled, searches))
            time.sleep(CHANGE_SETTLE_SECONDS)
            list(crawlers.map(crawled, [*searches, *page_types]))
        return {
            "workers": WORKERS,
            "start": start,
            "after": after,
            "changed": most(site),
            "crawled": len(paths),
            "crawl_s": crawl_seconds,
        }


def wrk_figures() -> dict:
    """Requests per second of WRK_PAGES in English, cached, uncached and cold, and the framework
    limit for a page of each one's size, in this process's database."""
    import statistics

    import django

    django.setup()
    from tests.bench import MODES, RENDERED, fetch, gunicorn, wrk

    pages = page_paths()
    env = dict(os.environ)
    figures = {}
    with gunicorn(WRK_PORT, env), gunicorn(WRK_PORT + 1, {**env, "PAGE_CACHE_FRESH_SECONDS": "0"}):
        for label in WRK_PAGES:
            path = url("en", pages[label])
            status, body = fetch(WRK_PORT, path)
            assert status == 200, (path, status)
            limit_path = f"/bench/limit/{len(body)}"
            for _ in range(20):
                fetch(WRK_PORT, limit_path)
            before = wrk(WRK_PORT, limit_path)["rps"]
            rendered = f"{path}{'&' if '?' in path else '?'}{RENDERED}"
            served = [(WRK_PORT, path), (WRK_PORT, rendered), (WRK_PORT + 1, path)]
            paths = dict(zip(MODES, served, strict=True))  # cached, uncached, cold
            for port, measured in paths.values():
                for _ in range(3):
                    fetch(port, measured)
            figure = {mode: wrk(port, measured)["rps"] for mode, (port, measured) in paths.items()}
            after = wrk(WRK_PORT, limit_path)["rps"]
            figures[label] = {
                **figure,
                "limit": statistics.mean([before, after]),
                "kb": len(body) / 1024,
            }
    return figures


def print_wrk(results: dict[str, dict]) -> None:
    from tests.bench import MODES, SECONDS, WRK

    names = {factor: ("seed" if factor == "1" else f"{factor}×") for factor in results}
    print(f"\nwrk, gunicorn 2 workers, /en/ ({' '.join(WRK)} -d{SECONDS}s): requests/s as a "
          "ratio to the framework limit (limit r/s beside)")  # fmt: skip
    header = f"{'page':<22}"
    for name in names.values():
        header += f"{name + ' limit':>12}{'KB':>7}" + "".join(f"{mode:>9}" for mode in MODES)
    print(header)
    for label in WRK_PAGES:
        row = f"{label:<22}"
        for factor in names:
            figure = results[factor]["wrk"][label]
            row += f"{figure['limit']:>12.0f}{figure['kb']:>7.1f}"
            row += "".join(f"{figure[mode] / figure['limit']:>9.2f}" for mode in MODES)
        print(row)


def prepared(factor: str, work: Path) -> tuple[dict, float]:
    """A database of its own with the seed grown to `factor` ("1" is the seed as it is)."""
    work.mkdir(parents=True)
    env = {
        **site_environment(
            database_url=f"sqlite:///{work / 'db.sqlite3'}", redis_url="", work=work
        ),
        "DJANGO_SETTINGS_MODULE": "tests.bench_settings",
        "WEATHER_BACKGROUND_REFRESH": "false",
        "API_REQUESTS_PER_MINUTE": str(10**9),
        "PYTHONUNBUFFERED": "1",
    }
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["load_seed"], ["collectstatic", "--noinput"]):
        subprocess.run([*manage, *command, "-v0"], cwd=BASE_DIR, env=env, check=True)
    started = time.perf_counter()
    if factor != "1":
        subprocess.run(
            [*manage, "seed_grow", "--factor", factor, "-v0"], cwd=BASE_DIR, env=env, check=True
        )
    return env, time.perf_counter() - started


def print_report(results: dict[str, dict]) -> None:
    names = {factor: ("seed" if factor == "1" else f"{factor}×") for factor in results}
    seed = results["1"]["figures"]
    keys = list(dict.fromkeys(key for result in results.values() for key in result["figures"]))
    header = f"{'page':<22}{'lang':<5}"
    for factor, name in names.items():
        header += f"{name + ' cold':>11}{'warm':>6}{'q':>4}" + (
            "" if factor == "1" else f"{'×seed':>6}"
        )
    print(header)
    misses = []
    for key in keys:
        label, language = key.split("|")
        row = f"{label:<22}{language:<5}"
        for factor in names:
            figure = results[factor]["figures"].get(key)
            if figure is None:  # the seed has no such page (no event with a day)
                row += f"{'—':>11}{'':>6}{'':>4}" + ("" if factor == "1" else f"{'':>6}")
                continue
            row += f"{figure['cold']:>11.1f}{figure['warm']:>6.1f}{figure['queries']:>4}"
            if factor != "1" and key in seed:
                ratio = figure["cold"] / seed[key]["cold"]
                row += f"{ratio:>6.2f}"
                if factor == "10" and (ratio > COLD_RATIO or figure["cold"] > COLD_LIMIT_MS):
                    misses.append(f"{label} /{language}/ {figure['cold']:.0f} ms ({ratio:.1f}×)")
        print(row)
    for factor, name in names.items():
        result = results[factor]
        grown = f"seed_grow {result['grow_s']:.1f} s"
        print(f"{name}: {result['documents']} documents, {result['passages']} passages; "
              f"index build {result['index_build_s']:.1f} s; {grown}")  # fmt: skip
    print("\nmemory of a gunicorn worker (the most of any), MB: resident / its share of pages "
          "shared with the master and the other workers / its own; at start, after a crawl, "
          "and after a content change (its own index rebuilt)")  # fmt: skip
    for factor, name in names.items():
        memory = results[factor]["memory"]
        start, after, changed = (
            " / ".join(f"{memory[when][kind]:.0f}" for kind in MEMORY_KINDS)
            for when in ("start", "after", "changed")
        )
        print(f"{name:<6} {memory['workers']} workers: start {start}; after {memory['crawled']} "
              f"pages ({memory['crawl_s']:.0f} s) {after}; after a change {changed}")  # fmt: skip
    if "10" in results and results["10"]["memory"]["after"]["pss"] > MEMORY_LIMIT_MB:
        misses.append(f"worker memory at 10× {results['10']['memory']['after']['pss']:.0f} MB")
    print(f"at 10×, over {COLD_LIMIT_MS} ms or {COLD_RATIO}× the seed: "
          + ("; ".join(misses) or "none"))  # fmt: skip


def main():
    modes = {"measure": measure, "memory": memory_figures, "wrk": wrk_figures}
    if len(sys.argv) > 1 and sys.argv[1] in modes:
        print(json.dumps(modes[sys.argv[1]]()))
        return
    work = Path(tempfile.mkdtemp(prefix="portal-bench-scale-"))
    results = {}
    print(f"scale pass: seed and {', '.join(f + '×' for f in FACTORS)}, in process", flush=True)
    environments = {}
    for factor in ["1", *FACTORS]:
        env, grow_seconds = prepared(factor, work / f"factor-{factor}")
        environments[factor] = env
        results[factor] = {
            **measured(env, "measure"),
            "memory": measured(env, "memory"),
            "grow_s": grow_seconds,
        }
        print(f"measured {factor}×", flush=True)
    print_report(results)
    if os.environ.get("BENCH_SCALE_WRK", "1") != "0":  # after the table, which stands without it
        for factor, env in environments.items():
            results[factor]["wrk"] = measured(env, "wrk")
        print_wrk(results)


def measured(env: dict, what: str) -> dict:
    """`measure` or `wrk` in a process of its own, with `env` (its database)."""
    output = subprocess.run(
        [sys.executable, "-m", "tests.bench_scale", what],
        cwd=BASE_DIR, env=env, check=True, stdout=subprocess.PIPE, text=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
