"""Site search and the assistant in a real browser: axe in every language, the panel with the
keyboard, 320 px, and the whole thing without JavaScript."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import AXE_OPTIONS, axe_audit, describe, record_csp_violations

PREFIXES = ["en", "tc", "sc"]
PAGES = [
    "assistant/",
    "assistant/?q=SGS+guarantee+ceiling",
    "assistant/?q=pizza+recipe",
    "assistant/?refused=1",
    "assistant/?q=how+much+can+I+get%3F&previous=what+is+the+EMF",
    "search/?q=guarantee",
    "search/?q=guarantee&type=scheme&page=2",
    "search/?q=zzqxj",
]
TOGGLE = {"en": "Ask a question", "tc": "查詢助理", "sc": "查询助理"}


@pytest.fixture
def seed(transactional_db):
    call_command("load_seed", verbosity=0)


@pytest.fixture
def narrow_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    yield record_csp_violations(context.new_page())
    context.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("page_path", PAGES)
def test_assistant_and_search_pages_have_no_axe_violations(seed, audit, prefix, page_path):
    results = audit(f"/{prefix}/{page_path}")
    assert results.violations_count == 0, describe(results)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("prefix", PREFIXES)
def test_panel_by_keyboard_keeps_the_conversation(seed, page, axe, live_server, prefix):
    axe_audit(page, axe, f"{live_server.url}/{prefix}/")
    toggle = page.locator("#assistant-toggle")
    assert toggle.inner_text() == TOGGLE[prefix]
    toggle.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "assistant-panel-q"
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.type("SGS guarantee ceiling")
    page.keyboard.press("Enter")
    log = page.locator("#assistant-log[role=log]")
    log.locator(".assistant-entry").first.wait_for()
    assert log.locator(f"a[href^='/{prefix}/schemes/sme-loan-guarantee-scheme/']").count()
    results = axe.run(page, options=AXE_OPTIONS)  # the open panel too
    assert results.violations_count == 0, describe(results)
    page.keyboard.press("Escape")
    assert page.locator("#assistant-panel").is_hidden()
    assert page.evaluate("document.activeElement.id") == "assistant-toggle"
    page.goto(f"{live_server.url}/{prefix}/schemes/")  # the conversation survives the visit
    page.locator("#assistant-toggle").click()
    assert page.locator("#assistant-log .assistant-entry").count() == 1
    assert page.csp_violations == []


@pytest.mark.django_db(transaction=True)
def test_panel_fits_320_pixels(seed, narrow_page, live_server):
    narrow_page.goto(f"{live_server.url}/tc/")
    narrow_page.locator("#assistant-toggle").click()
    narrow_page.locator("#assistant-panel-q").fill("市場推廣基金資助金額")
    narrow_page.locator("#assistant-panel-q").press("Enter")
    narrow_page.locator("#assistant-log .assistant-entry").first.wait_for()
    assert narrow_page.evaluate("document.documentElement.scrollWidth") <= 320
    box = narrow_page.locator("#assistant-panel").bounding_box()
    assert box["width"] <= 320


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("prefix", PREFIXES)
def test_search_and_assistant_pages_at_320_pixels(seed, narrow_page, axe, live_server, prefix):
    for path in ("assistant/?q=SGS+guarantee+ceiling", "search/?q=guarantee"):
        results = axe_audit(narrow_page, axe, f"{live_server.url}/{prefix}/{path}")
        assert results.violations_count == 0, describe(results)
        assert narrow_page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_button_is_a_link_and_feedback_a_plain_form(
    seed, browser, live_server
):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("link", name="Ask a question").click()
    assert page.url.endswith("/en/assistant/")
    page.locator("#assistant-q").fill("How much can I get from the EMF?")
    page.locator("form.assistant-form button").click()
    answer = page.locator(".assistant-answer")
    assert "100,000" in answer.inner_text()
    answer.get_by_role("button", name="Yes").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you"
    page.goto(f"{live_server.url}/sc/")
    page.locator("#header-search-q").fill("担保")
    page.locator(".header-search__button").click()
    assert page.locator("[role=status]").inner_text().strip()
    assert page.locator(".site-search__result mark").count()
    context.close()


# Issue 21: a question that leans on the one before, as owners ask it in each language.
FOLLOW_UPS = {
    "en": ("what is the export marketing fund", "how much can I get?"),
    "tc": ("市場推廣基金係咩", "最多可以攞幾多錢"),
    "sc": ("市场推广基金是什么", "最多能拿多少钱"),
}
PANEL_CLOSE = {"en": "Close", "tc": "關閉", "sc": "关闭"}
FUNDING_AMOUNT = "schemes/sme-export-marketing-fund/#funding-amount"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("prefix", PREFIXES)
def test_panel_answers_a_follow_up_in_the_context_of_the_question_before(
    seed, page, axe, live_server, prefix
):
    page.goto(f"{live_server.url}/{prefix}/")
    page.locator("#assistant-toggle").click()
    assert page.locator("#assistant-close").inner_text() == PANEL_CLOSE[prefix]
    entries = page.locator("#assistant-log .assistant-entry")
    for number, question in enumerate(FOLLOW_UPS[prefix], start=1):
        page.locator("#assistant-panel-q").fill(question)
        page.locator("#assistant-panel-q").press("Enter")
        entries.nth(number - 1).wait_for()
    first_link = entries.nth(1).locator("a").first.get_attribute("href")
    assert first_link == f"/{prefix}/{FUNDING_AMOUNT}"
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}})
    assert results.violations_count == 0, describe(results)
    assert page.csp_violations == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("prefix", PREFIXES)
def test_without_javascript_the_page_carries_the_question_before(
    seed, browser, live_server, prefix
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/{prefix}/assistant/")
    for question in FOLLOW_UPS[prefix]:
        page.locator("#assistant-q").fill(question)
        page.locator("form.assistant-form button").click()
    assert "previous=" in page.url  # carried by the form, kept nowhere else
    first_link = page.locator(".assistant-links a").first.get_attribute("href")
    assert first_link == f"/{prefix}/{FUNDING_AMOUNT}"
    context.close()
