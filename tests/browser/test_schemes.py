"""The finder and a scheme page, with the seed content, in every language: no axe violations."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import describe

PREFIXES = ["en", "tc", "sc"]
PAGES = [
    "schemes/",
    "schemes/?status=closed&sort=funding",  # results, one active filter
    "schemes/?q=no-such-scheme-anywhere",  # empty result
    "schemes/?type=bogus",  # ignored filter message
    "schemes/sme-financing-guarantee-scheme/",  # wide table
    "schemes/small-mic-groups-funding-2019-20/",  # closed, tiers table
    "organisations/tid/",
    "",
]


@pytest.fixture
def seed(transactional_db):
    call_command("load_seed", verbosity=0)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("page_path", PAGES)
def test_scheme_pages_have_no_axe_violations(seed, audit, prefix, page_path):
    results = audit(f"/{prefix}/{page_path}")
    assert results.violations_count == 0, describe(results)


@pytest.mark.django_db(transaction=True)
def test_finder_filters_without_javascript(seed, browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server.url + "/en/schemes/")
    page.locator("summary", has_text="Search and filter").click()  # the folded disclosure opens
    page.get_by_label("Closed", exact=True).check()
    page.get_by_role("button", name="Show schemes").click()
    assert "status=closed" in page.url
    assert page.get_by_role("link", name="Funding Support for Small-sized Meeting").is_visible()
    # Nothing wider than the phone screen but the tables' own scrolling.
    page.goto(live_server.url + "/en/schemes/sme-financing-guarantee-scheme/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("width", "laid_open"), [(375, False), (1280, True)])
def test_finder_filters_fold_on_a_phone_and_lie_open_on_a_wide_screen(
    seed, browser, live_server, width, laid_open
):
    context = browser.new_context(viewport={"width": width, "height": 812})
    page = context.new_page()
    page.goto(live_server.url + "/en/schemes/?type=grant&q=export")
    summary = page.locator("summary.finder__summary")
    assert summary.inner_text() == "Search and filter (2 applied)"
    assert summary.is_visible() is not laid_open
    assert page.get_by_label("Grant", exact=True).is_visible() is laid_open
    if not laid_open:
        summary.click()
        assert page.get_by_label("Grant", exact=True).is_checked()
    context.close()
