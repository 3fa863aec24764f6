"""`make soak`: the page mix at a fixed rate for five minutes against gunicorn (production
settings) with its own PostgreSQL and Redis: status counts, errors, worker memory at start
and end.

SOAK_SECONDS (default 300), SOAK_RATE requests/s (default 20), SOAK_PORT (default 8712).
"""

import os
import re
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import django

PAGES = [
    "/{lang}/", "/{lang}/schemes/", "/{lang}/schemes/?type=grant&sort=deadline",
    "/{lang}/schemes/{scheme}/", "/{lang}/events/", "/{lang}/events/past/",
    "/{lang}/notices/", "/{lang}/notices/privacy-policy/", "/{lang}/schemes/feed/",
    "/{lang}/events/feed.atom", "/{lang}/events/feed.ics",
]  # fmt: skip


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    from tests.hardening.site import private_site, worker_rss_kb

    seconds = float(os.environ.get("SOAK_SECONDS", "300"))
    rate = float(os.environ.get("SOAK_RATE", "20"))
    with private_site(port=int(os.environ.get("SOAK_PORT", "8712")), seed=True) as (site, *_):
        sitemap = site.request("GET", "/sitemap-schemes.xml").content.decode()
        schemes = sorted(set(re.findall(r"/en/schemes/([\w-]+)/</loc>", sitemap)))
        paths = [
            page.format(lang=lang, scheme=scheme)
            for page in PAGES
            for lang in ("en", "tc", "sc")
            for scheme in (schemes[:5] if "{scheme}" in page else [""])
        ]
        for path in paths:  # warm up, so the start figure is a worker in service
            site.request("GET", path)
        rss_start = worker_rss_kb(site)
        statuses, lock = Counter(), threading.Lock()
        latencies = []

        def send(path):
            started = time.monotonic()
            try:
                status = site.request("GET", path).status
            except OSError as error:
                status = type(error).__name__
            with lock:
                statuses[status] += 1
                latencies.append(time.monotonic() - started)

        started = time.monotonic()
        sent = 0
        with ThreadPoolExecutor(8) as pool:
            while (elapsed := time.monotonic() - started) < seconds:
                due = int(elapsed * rate)
                while sent < due:
                    pool.submit(send, paths[sent % len(paths)])
                    sent += 1
                time.sleep(0.005)
        rss_end = worker_rss_kb(site)
    errors = sum(count for status, count in statuses.items() if status != 200)
    latencies.sort()
    print(f"{sent} requests in {seconds:.0f} s at {rate:g}/s over {len(paths)} pages")
    for status, count in sorted(statuses.items(), key=lambda item: str(item[0])):
        print(f"  {status}: {count}")
    print(f"errors (not 200): {errors}")
    print(f"latency p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, "
          f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:.0f} ms")  # fmt: skip
    for label, sizes in (("start", rss_start), ("end", rss_end)):
        shown = ", ".join(f"{kb / 1024:.1f} MB" for kb in sizes.values())
        print(f"worker RSS at {label}: {shown}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
