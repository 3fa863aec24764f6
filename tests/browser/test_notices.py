"""Every notice page, in every language, with zero axe-core violations and no sideways
scrolling on a 320 px screen."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import describe
from tests.notices.test_seed_content import FIXTURE, SLUGS

PREFIXES = ["en", "tc", "sc"]


def notice_path(prefix, slug):
    return f"/{prefix}/notices/" if slug == "important-notices" else f"/{prefix}/notices/{slug}/"


@pytest.fixture
def seed_notices(transactional_db):
    call_command("loaddata", FIXTURE, verbosity=0)


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("slug", SLUGS)
def test_notice_page_has_no_axe_violations(seed_notices, audit, prefix, slug):
    results = audit(notice_path(prefix, slug))
    assert results.violations_count == 0, describe(results)


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("slug", ["important-notices", "privacy-policy"])
def test_notice_page_fits_a_320px_screen(seed_notices, page, live_server, prefix, slug):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + notice_path(prefix, slug))
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
