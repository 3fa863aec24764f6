"""The finder and a scheme page, with the seed content, in every language: no axe violations."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import describe

PREFIXES = ["en", "tc", "sc"]
PAGES = [
    "schemes/",
    "schemes/?status=closed&sort=funding",  # results, one active filter
    "schemes/?q=no-such-scheme-anywhere",  # empty result
    "schemes/?q=%E8%B2%B7%E9%9B%BB%E8%85%A6",  # 買電腦: best match first (issue 21)
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


# Issue 21: the keyword box understands owners as the assistant does, with and without scripts.
KEYWORD_EXAMPLES = [
    ("tc", "買電腦", "sme-loan-guarantee-scheme"),
    ("tc", "參展", "sme-export-marketing-fund"),
    ("sc", "海外 展览", "sme-export-marketing-fund"),
    ("en", "computers", "sme-loan-guarantee-scheme"),
    ("sc", "computers", "sme-loan-guarantee-scheme"),
]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("javascript", [True, False])
def test_finder_keyword_examples_find_the_scheme_owners_mean(
    seed, browser, live_server, javascript
):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    for prefix, keyword, slug in KEYWORD_EXAMPLES:
        page.goto(f"{live_server.url}/{prefix}/schemes/")
        page.locator(".finder__filters input[name=q]").fill(keyword)
        page.locator(".finder__filters button[type=submit]").click()
        first = page.locator(".scheme-cards h3 a").first.get_attribute("href")
        assert first == f"/{prefix}/schemes/{slug}/", (prefix, keyword)
    context.close()
