"""`make fuzz`: a long fuzz campaign against gunicorn (production settings) with its own
PostgreSQL and Redis: first every URL pattern × every query parameter with each probe value
(NUL and other control characters, lone surrogates, over-long Chinese), then random requests:
hostile values, odd methods, form posts with the same values. Routes and the parameters they
declare are read from the URLconf, so routes added later are fuzzed too. Prints the status
counts; fails on any 5xx.

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
# What the outside probe found (issue 25): each goes to every route and parameter.
PROBES = [
    "abc\x00def", "\x00", "\x01\x1b\x7f", "\x85", "a\ud800b", "%00",
    "請問中小企業市場推廣基金" * 42,  # 504 characters, about 4.5 KB percent-encoded
    "资助计划" * 130,  # 520 Simplified characters
    "𠀋" * 501,  # four-byte characters: 6 KB percent-encoded
    "A 123456(3)", "+86 138 0013 8000", "chan @ abc.com.hk", "a@localhost",
]  # fmt: skip
HOSTILE += PROBES
METHODS = ["GET"] * 12 + ["HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"]


def value(rng: random.Random, known: list[str]) -> str:
    roll = rng.random()
    if roll < 0.4 and known:
        return rng.choice(known)
    if roll < 0.8:
        return rng.choice(HOSTILE)
    return "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(1, 30)))


def sweep(templates, parameters) -> list[tuple[str, str, str | None]]:
    """Every route × every parameter × every probe, the language going round."""
    from tests.hardening.urls import fill, query_string

    plans = []
    for number, (template, parameter, probe) in enumerate(
        (t, p, v) for t in templates for p in parameters for v in PROBES[:3] + PROBES[6:9]
    ):
        values = {"lang": ("en", "tc", "sc")[number % 3], "slug": "x", "year": "2030"}
        path = fill(template, {**values, "month": "03"})
        plans.append(("GET", f"{path}?{query_string([(parameter, probe)])}", None))
    return plans


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
    method = rng.choice(METHODS)
    if method == "POST" and rng.random() < 0.5:  # a form post with the values in its body
        return method, path, query
    return method, f"{path}?{query}" if query else path, None


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    from tests.hardening.site import private_site
    from tests.hardening.urls import QUERY_PARAMETERS, url_templates

    total = int(os.environ.get("FUZZ_REQUESTS", "10000"))
    rng = random.Random(int(os.environ.get("FUZZ_SEED", "17")))  # noqa: S311 (repeatable, not secret)
    templates = [t for t in url_templates() if not t.startswith("/admin/")]
    with private_site(port=int(os.environ.get("FUZZ_PORT", "8711")), seed=True) as (site, *_):
        index = site.request("GET", "/sitemap.xml").content.decode()
        sections = re.findall(r"<loc>https?://[^/<]+(/[^<]+)</loc>", index)
        sitemap = "".join(site.request("GET", path).content.decode() for path in sections)
        slugs = sorted(set(re.findall(r"/en/\w+/([\w-]+)/</loc>", sitemap)))
        plans = sweep(templates, QUERY_PARAMETERS)
        swept = len(plans)
        plans += [
            request_plan(rng, templates, QUERY_PARAMETERS, slugs)
            for _ in range(max(0, total - swept))
        ]
        total = len(plans)
        print(f"{total} requests over {len(templates)} URL patterns, {len(slugs)} slugs, "
              f"{len(QUERY_PARAMETERS)} parameters ({swept} in the route × parameter sweep), "
              f"{CONCURRENCY} concurrent clients")  # fmt: skip
        statuses, failures = Counter(), []
        started = time.monotonic()

        def send(plan):
            method, target, body = plan
            headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
            try:
                return plan, site.request(method, target, body=body, headers=headers).status
            except OSError as error:
                if len(target) > GUNICORN_REQUEST_LINE_LIMIT:
                    # gunicorn answered 414 and closed before reading all we sent.
                    return plan, "414 (closed while sending)"
                return plan, type(error).__name__

        with ThreadPoolExecutor(CONCURRENCY) as pool:
            for plan, status in pool.map(send, plans):
                statuses[status] += 1
                if not str(status)[:3].isdigit() or int(str(status)[:3]) >= 500:
                    failures.append((status, *plan[:2]))
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
