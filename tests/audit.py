"""`make audit`: Lighthouse 12 (npm, pinned) on every page type in en, tc and sc, on a phone and
on a desktop, against the seeded site under gunicorn with the production settings; prints a
table of performance / accessibility / best practices / SEO and what each run found.

Targets: accessibility, best practices and SEO 100, performance at least 95; the command fails
when a run misses one. Lighthouse drives Debian's Chromium (CHROME_PATH), downloading none.
AUDIT_PAGES (e.g. "finder,scheme") and AUDIT_LANGUAGES ("en") narrow the run; AUDIT_PORT.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PORT = int(os.environ.get("AUDIT_PORT", "8740"))
LANGUAGES = os.environ.get("AUDIT_LANGUAGES", "en,tc,sc").split(",")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
REPORT = BASE_DIR / "var" / "audit" / "lighthouse.jsonl"
LOC = re.compile(r"<loc>https?://[^/<]+/en/([^<]*)</loc>")


def first_path(site, section: str, pattern: str, number: int = 1) -> list[str]:
    """The first `number` English paths (after /en/) in a section's sitemap matching `pattern`."""
    sitemap = site.request("GET", f"/sitemap-{section}.xml").content.decode()
    found = [path for path in LOC.findall(sitemap) if re.fullmatch(pattern, path)]
    assert len(found) >= number, f"the {section} sitemap has no {pattern}"
    return found[:number]


# The seed's events are years past and known only by their year: an upcoming event, so the
# calendar and its month view show one (an empty month asks not to be indexed).
UPCOMING_EVENT = """
import datetime
from tests.events.factories import hong_kong, make_event
month = datetime.date.today().replace(day=1) + datetime.timedelta(days=40)
make_event(slug="audit-seminar", title_en="Export financing seminar",
    title_zh_hant="出口融資研討會", summary_en="How SMEs can finance their export orders.",
    summary_zh_hant="中小企如何為出口訂單融資。",
    starts_at=hong_kong(month.year, month.month, 14, 10, 0))
print(f"events/{month:%Y/%m}/")
"""


def page_paths(site) -> dict[str, str]:
    """One page of each type, as the path after the language prefix."""
    schemes = first_path(site, "schemes", r"schemes/[\w-]+/", 2)
    month = site.manage("shell", "-c", UPCOMING_EVENT).stdout.strip().splitlines()[-1]
    return {
        "home": "",
        "finder": "schemes/",
        "scheme": schemes[0],
        "check": "schemes/check/",
        "compare": "schemes/compare/?" + "&".join(f"s={path.split('/')[1]}" for path in schemes),
        "events": "events/",
        "month": month,
        "past events": "events/past/",
        "event": "events/audit-seminar/",
        "organisation": first_path(site, "organisations", r"organisations/[\w-]+/")[0],
        "notices": "notices/",
        "notice": first_path(site, "notices", r"notices/[\w-]+/")[0],
        "assistant": "assistant/",
        "search": "search/?q=export",
        "alerts": "alerts/subscribe/",
        "open data": "open-data/",
    }


def lighthouse(urls: list[str]) -> list[dict]:
    environment = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    completed = subprocess.run(
        ["node", str(BASE_DIR / "tests" / "lighthouse_run.mjs"), *urls],
        cwd=BASE_DIR, env=environment, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if completed.returncode:
        sys.exit(f"Lighthouse failed:\n{completed.stderr}")
    # Kept, with every finding, for a second look: var/audit/lighthouse.jsonl.
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(completed.stdout)
    return [json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{")]


METRIC_NAMES = ("largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")


def table(results: list[dict], labels: dict[str, tuple[str, str]]) -> str:
    lines = [
        f"{'page type':<14} {'lang':<4} {'device':<7} "
        + " ".join(f"{SHORT[c]:>5}" for c in TARGETS)
        + "  LCP      TBT     CLS"
    ]
    for run in results:
        label, language = labels[run["url"]]
        metrics = {name: run["metrics"].get(name, "-") for name in METRIC_NAMES}
        lines.append(
            f"{label:<14} {language:<4} {run['formFactor']:<7} "
            + " ".join(f"{run['scores'][c]:>5}" for c in TARGETS)
            + f"  {metrics['largest-contentful-paint']:<8} {metrics['total-blocking-time']:<7}"
            + f" {metrics['cumulative-layout-shift']}"
        )
    lowest = {c: min(run["scores"][c] for run in results) for c in TARGETS}
    lines.append("lowest: " + ", ".join(f"{SHORT[c]} {score}" for c, score in lowest.items()))
    return "\n".join(lines)


def misses(results: list[dict], labels: dict) -> list[str]:
    found = []
    for run in results:
        below = [c for c, target in TARGETS.items() if run["scores"][c] < target]
        if below or run["warnings"]:
            label, language = labels[run["url"]]
            found.append(f"{label} /{language}/ {run['formFactor']}: {run['url']}")
            found += [f"    {failure}" for failure in run["failing"]]
            found += [f"    warning: {warning}" for warning in run["warnings"]]
    return found


def main():
    from tests.hardening.site import running_site

    wanted = os.environ.get("AUDIT_PAGES")
    with (
        tempfile.TemporaryDirectory(prefix="portal-audit-") as work,
        running_site(
            database_url=f"sqlite:///{Path(work) / 'db.sqlite3'}",
            redis_url="",
            port=PORT,
            seed=True,
            environment={
                "SITE_URL": f"http://{HOST}:{PORT}",
                "WEATHER_BACKGROUND_REFRESH": "false",
            },
        ) as site,
    ):
        paths = page_paths(site)
        if wanted:
            paths = {label: path for label, path in paths.items() if label in wanted.split(",")}
        labels = {
            f"http://{HOST}:{PORT}/{language}/{path}": (label, language)
            for label, path in paths.items()
            for language in LANGUAGES
        }
        for url in labels:  # each page rendered once, as a visitor after the first finds it
            site.request("GET", url.removeprefix(f"http://{HOST}:{PORT}"))
        results = lighthouse(list(labels))
    print(table(results, labels))
    found = misses(results, labels)
    if found:
        print("\nBelow target (a11y, best practices, SEO 100; performance 95):")
        print("\n".join(found))
        sys.exit(1)


if __name__ == "__main__":
    main()
