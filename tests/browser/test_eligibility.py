"""The eligibility check and the comparison in a real browser: axe at desktop and 320 px in every
language, and both used end to end without JavaScript, by keyboard-reachable controls."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import describe

PREFIXES = ["en", "tc", "sc"]
WIDTHS = [1280, 320]
ANSWERS = (
    "registered=yes&sector=non-manufacturing&employees=20&listed=no&lender=no"
    "&lender-associate=no&operating-year=yes&travel-agent=yes&need=working-capital"
)
COMPARED = (
    "s=sme-loan-guarantee-scheme&s=sme-financing-guarantee-scheme&s=sme-export-marketing-fund"
)
PAGES = [
    ("schemes/check/", 200),
    (f"schemes/check/?{ANSWERS}", 200),  # results, one closed scheme apart
    ("schemes/check/?employees=-3&listed=maybe", 400),  # errors on the form
    (f"schemes/compare/?{COMPARED}", 200),  # the table
    ("schemes/compare/?s=sme-loan-guarantee-scheme&s=no-such-scheme", 400),  # message + choice
]


@pytest.fixture
def seed(transactional_db):
    call_command("load_seed", verbosity=0)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize(("page_path", "status"), PAGES)
def test_check_and_compare_pages_have_no_axe_violations(
    seed, page, audit, prefix, page_path, status, width
):
    page.set_viewport_size({"width": width, "height": 900})
    results = audit(f"/{prefix}/{page_path}", status=status)
    assert results.violations_count == 0, describe(results)
    # Nothing wider than the screen: the comparison table scrolls inside its own region.
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("prefix", PREFIXES)
def test_check_works_without_javascript_and_keeps_answers_in_the_address(
    seed, no_js_page, live_server, prefix
):
    page = no_js_page
    page.goto(f"{live_server.url}/{prefix}/schemes/check/")
    page.locator('input[name="registered"][value="yes"]').check()
    page.locator('input[name="sector"][value="non-manufacturing"]').check()
    page.locator('input[name="employees"]').fill("20")
    page.locator('input[name="lender"][value="no"]').check()
    page.locator('input[name="lender-associate"][value="no"]').check()
    # Computers and a trade fair, in one check.
    page.locator('input[name="need"][value="equipment"]').check()
    page.locator('input[name="need"][value="export-marketing"]').check()
    page.locator("form.eligibility-form button[type=submit]").click()
    assert "employees=20" in page.url and "need=equipment&need=export-marketing" in page.url
    loan = page.locator(
        ".eligibility-result", has=page.locator('a[href$="/sme-loan-guarantee-scheme/"]')
    )
    assert "eligibility-result--likely" in loan.get_attribute("class")
    fund = page.locator(
        ".eligibility-result", has=page.locator('a[href$="/sme-export-marketing-fund/"]')
    )
    assert "eligibility-result--likely" in fund.get_attribute("class")
    # A shared link shows the same results.
    shared = page.context.new_page()
    shared.goto(page.url)
    assert (
        shared.locator(".eligibility-result--likely").count()
        == page.locator(".eligibility-result--likely").count()
    )
    shared.close()


@pytest.mark.django_db(transaction=True)
def test_bad_answers_are_reported_on_the_form_without_javascript(seed, no_js_page, live_server):
    page = no_js_page
    page.goto(f"{live_server.url}/en/schemes/check/")
    page.locator('input[name="employees"]').fill("-5")
    page.locator("form.eligibility-form button[type=submit]").click()
    assert page.get_by_role("alert").get_by_text("cannot be negative").is_visible()
    page.get_by_role("link", name="How many people does the business employ").click()
    assert page.url.endswith("#question-employees")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("prefix", PREFIXES)
def test_compare_from_the_finder_without_javascript(seed, no_js_page, live_server, prefix):
    page = no_js_page
    page.goto(f"{live_server.url}/{prefix}/schemes/")
    page.locator('input[name="s"][value="sme-loan-guarantee-scheme"]').check()
    page.locator('input[name="s"][value="sme-export-marketing-fund"]').check()
    page.locator("form.compare-form button[type=submit]").click()
    assert f"/{prefix}/schemes/compare/?s=" in page.url
    # On a phone: a card per scheme, every fact labelled; the table is for wide screens.
    cards = page.locator(".comparison-card")
    assert cards.count() == 2 and cards.first.is_visible()
    assert cards.first.locator(".comparison-card__fact dt").count() == 9
    assert page.locator(".comparison table").is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 900})
    table = page.locator(".comparison table")
    assert table.is_visible() and cards.first.is_hidden()
    assert table.locator("thead th[scope=col]").count() == 2
    assert table.locator("tbody th[scope=row]").count() == 9
    region = page.locator('.table-scroll[role="region"]')
    assert region.get_attribute("tabindex") == "0"


@pytest.mark.django_db(transaction=True)
def test_comparison_prints_as_a_whole_table(seed, page, live_server):
    page.goto(f"{live_server.url}/en/schemes/compare/?{COMPARED}")
    page.emulate_media(media="print")
    assert page.locator(".comparison table").is_visible()
    assert not page.locator(".primary-nav").is_visible()
    page.goto(f"{live_server.url}/en/schemes/")
    assert page.locator(".scheme-card").first.is_visible()  # results print, "Compare" does not
    assert not page.locator(".scheme-card__compare").first.is_visible()


@pytest.mark.django_db(transaction=True)
def test_on_a_phone_verdicts_come_first_and_answers_carry_to_compare_and_back(
    seed, browser, live_server
):
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/schemes/check/?{ANSWERS}")
    verdicts = page.locator(".eligibility-verdict")
    assert verdicts.count() == 3
    assert verdicts.last.bounding_box()["y"] < 2 * 812  # every verdict within two screens
    reasons = page.locator(".eligibility-result .reasons").first
    assert reasons.is_hidden()  # folded until asked
    page.locator(".eligibility-result summary").first.click()
    assert reasons.is_visible()
    results_url = page.url
    page.locator('input[name="s"][value="sme-loan-guarantee-scheme"]').check()
    page.locator('input[name="s"][value="sme-financing-guarantee-scheme"]').check()
    page.get_by_role("button", name="Compare ticked schemes").click()
    verdict = page.locator(".comparison-card").first.locator(".comparison-card__fact").first
    assert verdict.inner_text().split("\n") == ["Your eligibility check", "✓ Likely eligible"]
    page.get_by_role("link", name="Back to your eligibility results").click()
    assert page.url == results_url  # nothing to answer again (WCAG 3.3.7)
    context.close()
