"""The open data page in every language: zero axe-core violations, no sideways scrolling on a
320 px screen, and download links that give the files."""

from pathlib import Path

import pytest

from tests.browser.conftest import describe
from tests.browser.vnu import html_errors
from tests.schemes.factories import make_scheme

PREFIXES = ["en", "tc", "sc"]


@pytest.fixture
def some_content(transactional_db):
    make_scheme(slug="open-grant", name_zh_hant="資助計劃")


@pytest.mark.parametrize("prefix", PREFIXES)
def test_open_data_page_has_no_axe_violations(some_content, audit, prefix):
    results = audit(f"/{prefix}/open-data/")
    assert results.violations_count == 0, describe(results)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_open_data_page_fits_a_320px_screen(some_content, page, live_server, prefix):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/{prefix}/open-data/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_page_downloads_the_csv(some_content, page, live_server):
    page.goto(f"{live_server.url}/tc/open-data/")
    with page.expect_download() as download:
        page.get_by_role("link", name="資助計劃（CSV）").click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "open-grant" in content and "資助計劃" in content


def test_open_data_page_is_valid_html(some_content, client, tmp_path):
    pages = {f"/{p}/open-data/": client.get(f"/{p}/open-data/").content.decode() for p in PREFIXES}
    assert html_errors(pages, tmp_path) == {}
