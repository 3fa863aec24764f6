"""Draws the site's icons from `static/icons/icon.svg` with Chromium (run after changing it).

The SVG is the icon browsers that read SVG use; the home-screen icon (a PNG, full-bleed
because phones round its corners themselves) and `/favicon.ico` (16, 32 and 48 px PNGs in one
file) are committed, so neither the site nor its build needs a browser. Needs the test tools.
"""

import re
import struct

from django.conf import settings
from django.core.management.base import BaseCommand

ICONS = settings.BASE_DIR / "static" / "icons"
ROOT_FILES = settings.WHITENOISE_ROOT
ICO_SIZES = (16, 32, 48)


def ico_file(pngs: list[tuple[int, bytes]]) -> bytes:
    """An .ico holding PNGs, as every browser since 2010 reads it."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset, entries, data = 6 + 16 * len(pngs), b"", b""
    for size, png in pngs:
        entries += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


class Command(BaseCommand):
    help = "Draw apple-touch-icon.png and favicon.ico from static/icons/icon.svg."

    def handle(self, *args, **options):
        from playwright.sync_api import sync_playwright

        svg = (ICONS / "icon.svg").read_text()
        square = re.sub(r' rx="[\d.]+"', "", svg)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox"]
            )
            page = browser.new_page()

            def draw(source: str, size: int) -> bytes:
                page.set_viewport_size({"width": size, "height": size})
                sized = source.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
                page.set_content(f"<body style='margin:0'><div style='display:flex'>{sized}</div>")
                return page.screenshot(omit_background=True)

            (ROOT_FILES / "apple-touch-icon.png").write_bytes(draw(square, 180))
            (ROOT_FILES / "favicon.ico").write_bytes(
                ico_file([(size, draw(svg, size)) for size in ICO_SIZES])
            )
            browser.close()
