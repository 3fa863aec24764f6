"""pa11y with HTML_CodeSniffer: a second engine, so axe-core's blind spots do not go unseen."""

import json
import os
import shutil
import subprocess

from tests.browser.conftest import CHROMIUM
from tests.paths import BASE_DIR

RUNNER = BASE_DIR / "tests" / "browser" / "pa11y_run.js"
NODE_MODULES = BASE_DIR / "node_modules"
# An image without alt text: proves the engine ran, since a silent failure reports nothing.
CANARY = "data:text/html,<!DOCTYPE html><html lang=en><title>canary</title><img src=x.png>"


def pa11y_errors(urls: list[str]) -> dict[str, list[str]]:
    """{url: [error, ...]} for the URLs where HTML_CodeSniffer (WCAG2AA) finds errors."""
    node = shutil.which("node")
    assert node, "Node.js is needed for pa11y: apt-get install nodejs npm"
    assert (NODE_MODULES / "pa11y").is_dir(), "pa11y is not installed: run npm ci (make test does)"
    completed = subprocess.run(
        [node, str(RUNNER), CANARY, *urls],
        capture_output=True,
        text=True,
        timeout=120 + 30 * len(urls),
        check=False,
        cwd=BASE_DIR,
        env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_EXECUTABLE_PATH": CHROMIUM},
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)
    assert sorted(report) == sorted([CANARY, *urls]), "pa11y did not check every page"
    assert report.pop(CANARY), "pa11y found nothing wrong with a page known to be wrong"
    return {
        url: [f"{issue['code']}: {issue['message']} at {issue['selector']}" for issue in issues]
        for url, issues in report.items()
        if issues
    }
