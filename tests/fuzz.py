"""`make fuzz`: a long fuzz campaign against gunicorn (production settings) with its own
PostgreSQL and Redis: every URL pattern and query parameter in en/tc/sc, hostile values and
odd methods. Prints the status counts; fails on any 5xx.

FUZZ_REQUESTS (default 10000), FUZZ_PORT (default 8711), FUZZ_SEED (default 17).
"""

import os
import random
import re
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import django

CONCURRENCY = 4
GUNICORN_REQUEST_LINE_LIMIT = 8190  # gunicorn.conf.py
HOSTILE = [
    "", "\x00", "\ud800", "\udfff", "%", "%00", "%ED%A0%80", "../../etc/passwd", "<script>",
    "'\"><svg onload=alert(1)>", "javascript:alert(1)", "x" * 10_000, "-1", "0", "9" * 40,
    "１２３", "資助計劃", "资助计划", "\u202e", "\r\nSet-Cookie: x=1", "2030", "03", "1", "open",
    "grant", "seminar", "deadline", "name", "𠀋",
]  # fmt: skip
METHODS = ["GET"] * 12 + ["HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"]


def value(rng: random.Random, known: list[str]) -> str:
    roll = rng.random()
    if roll < 0.4 and known:
        return rng.choice(known)
    if roll < 0.8:
        return rng.choice(HOSTILE)
    return "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(1, 30)))


def request_plan(rng, templates, parameters, slugs):
    from tests.hardening.urls import fill, query_string

    template = rng.choice(templates)
    values = {
        "lang": rng.choice(["en", "tc", "sc"]),
        "slug": value(rng, slugs),
        "year": value(rng, ["2025", "2026", "2030"]),
        "month": value(rng, ["01", "03", "12"]),
    }
    pairs = [(rng.choice(parameters), value(rng, [])) for _ in range(rng.randint(0, 5))]
    if pairs and rng.random() < 0.05:
        pairs *= 300
    path, query = fill(template, values), query_string(pairs)
    return rng.choice(METHODS), f"{path}?{query}" if query else path


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    from tests.hardening.site import private_site
    from tests.hardening.urls import QUERY_PARAMETERS, url_templates

    total = int(os.environ.get("FUZZ_REQUESTS", "10000"))
    rng = random.Random(int(os.environ.get("FUZZ_SEED", "17")))  # noqa: S311 (repeatable, not secret)
    templates = [t for t in url_templates() if not t.startswith("/admin/")]
    with private_site(port=int(os.environ.get("FUZZ_PORT", "8711")), seed=True) as (site, *_):
        sitemap = site.request("GET", "/sitemap.xml").content.decode()
        slugs = sorted(set(re.findall(r"/en/\w+/([\w-]+)/</loc>", sitemap)))
        plans = [request_plan(rng, templates, QUERY_PARAMETERS, slugs) for _ in range(total)]
        print(f"{total} requests over {len(templates)} URL patterns, {len(slugs)} slugs, "
              f"{len(QUERY_PARAMETERS)} parameters, {CONCURRENCY} concurrent clients")  # fmt: skip
        statuses, failures = Counter(), []
        started = time.monotonic()

        def send(plan):
            method, target = plan
            try:
                return plan, site.request(method, target).status
            except OSError as error:
                if len(target) > GUNICORN_REQUEST_LINE_LIMIT:
                    # gunicorn answered 414 and closed before reading all we sent.
                    return plan, "414 (closed while sending)"
                return plan, type(error).__name__

        with ThreadPoolExecutor(CONCURRENCY) as pool:
            for plan, status in pool.map(send, plans):
                statuses[status] += 1
                if not str(status)[:3].isdigit() or int(str(status)[:3]) >= 500:
                    failures.append((status, *plan))
        elapsed = time.monotonic() - started
    print(f"{elapsed:.0f} s, {total / elapsed:.0f} requests/s")
    for status, count in sorted(statuses.items(), key=lambda item: str(item[0])):
        print(f"  {status}: {count}")
    for status, method, target in failures[:20]:
        print(f"  FAILED {status} {method} {target[:200]!r}")
    print(f"server errors: {len(failures)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
