"""WCAG 2.1 AA on every page a visitor can reach, in English, Traditional and Simplified Chinese.

The site is built once (`crawl_data_build`) and crawled once for the whole module; each test
then checks one thing on every crawled page (or on one page of each type in each language, where
a check drives the keyboard) and reports every failing page at once.
"""

import pytest
from django.core.management import call_command
from pytest_django.live_server_helper import LiveServer

from tests.browser import degraded, first_screen, html_checks, keyboard, layout
from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    axe_audit,
    describe,
    record_csp_violations,
)
from tests.browser.crawl import crawl, page_type, prefixed_view_names
from tests.browser.crawl_data import crawl_data_build
from tests.browser.pa11y import pa11y_errors
from tests.browser.vnu import html_errors

# Each test runs in a rolled-back transaction (so the database is set up), while the content
# the module builds once is committed and visible to its live server.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The crawl data, served by a live server of its own and crawled once.

    pytest-django's `live_server` empties the database after every test; this module's tests
    share one build instead, and empty the database once at the end.
    """
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            extra_pages = crawl_data_build()
            yield crawl(server.url, extra_pages)
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="module")
def site_browser(site, browser):
    """A Chromium of the module's own, closed before its server stops: open keep-alive
    connections would otherwise outlive the server's database connection."""
    own = browser.browser_type.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield own
    own.close()


@pytest.fixture(scope="module")
def module_page(site_browser):
    """One tab for the checks that only read, under the production CSP (no bypass)."""
    context = site_browser.new_context(viewport={"width": 1280, "height": 900})
    yield record_csp_violations(context.new_page())
    context.close()


@pytest.fixture(scope="module")
def tab_walks(site, module_page):
    """One keyboard walk per page type and language, shared by the keyboard checks."""
    return [
        keyboard.tab_walk(module_page, site.base_url + page.url) for page in site.representatives()
    ]


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(
        f"{url}:\n" + "\n".join(f"  - {problem}" for problem in found)
        for url, found in problems.items()
        if found
    )


def test_crawl_reaches_every_page_type_in_every_language(site, capsys):
    with capsys.disabled():
        print("\n" + site.summary())
    assert not site.truncated, "the crawl hit its page limit"
    assert site.broken == []
    reached = {(page.page_type.partition("?")[0], page.language.prefix) for page in site.pages}
    linked_resources = {page_type(url) for url in site.skipped}
    missing = [
        f"{name} in /{prefix}/"
        for name in sorted(prefixed_view_names() - linked_resources)
        for prefix in ("en", "tc", "sc")
        if (name, prefix) not in reached
    ]
    assert missing == [], "add content for these to tests/browser/crawl_data.py"


def test_every_page_has_no_axe_violations_under_the_production_csp(site, module_page, axe):
    violations = {}
    for page in site.pages:
        results = axe_audit(module_page, axe, site.base_url + page.url, page.status)
        violations[page.url] = [describe(results)] if results.violations_count else []
    assert report(violations) == ""


def test_every_page_is_valid_html(site, tmp_path):
    errors = html_errors({page.url: page.html for page in site.pages}, tmp_path)
    assert report(errors) == ""


def test_one_page_of_each_type_passes_pa11y_html_codesniffer(site):
    urls = [site.base_url + page.url for page in site.representatives()]
    assert report(pa11y_errors(urls)) == ""


def test_every_page_marks_its_language_and_passages_in_other_languages(site):
    problems = {
        page.url: html_checks.language_problems(page.soup, page.language) for page in site.pages
    }
    assert report(problems) == ""


@pytest.mark.parametrize("check", html_checks.ALL_CHECKS)
def test_every_page_has_screen_reader_semantics(site, check):
    """Headings, landmarks, link names, tables, forms, id references, result count, colour."""
    problems = {page.url: html_checks.ALL_CHECKS[check](page.soup) for page in site.pages}
    assert report(problems) == ""


def test_tab_reaches_skip_link_header_switcher_navigation_then_main_without_trap(tab_walks):
    assert report({walk.url: keyboard.order_problems(walk) for walk in tab_walks}) == ""


def test_every_focused_element_shows_a_contrasting_focus_indicator(tab_walks):
    assert report({walk.url: keyboard.focus_problems(walk) for walk in tab_walks}) == ""


def test_form_control_edges_contrast_with_their_background(tab_walks):
    assert report({walk.url: keyboard.control_border_problems(walk) for walk in tab_walks}) == ""


def test_skip_link_moves_focus_to_main(site, module_page):
    problems = {
        page.url: keyboard.skip_link_problems(module_page, site.base_url + page.url)
        for page in site.representatives()
    }
    assert report(problems) == ""


@pytest.fixture
def narrow_page(site_browser):
    context = site_browser.new_context(viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


def test_no_page_scrolls_sideways_at_320_px_even_with_text_spacing(site, narrow_page):
    problems = {}
    for page in site.pages:
        narrow_page.goto(site.base_url + page.url)
        problems[page.url] = layout.layout_problems(narrow_page)
    assert report(problems) == ""


def test_first_screen_at_375_px_shows_main_content_and_controls_fit_their_labels(
    site, site_browser
):
    """On a phone the first screen holds main content (for the finder, a result), and no text
    box or button is narrower than its label. With SCREENSHOT_DIR set (`make screenshots`),
    also saves every page type at 375 and 1280 px."""
    context = site_browser.new_context(viewport=first_screen.PHONE)
    page = context.new_page()
    directory = first_screen.screenshot_directory()
    problems, measured = {}, []
    for crawled in site.representatives():
        url = site.base_url + crawled.url
        if directory:
            measured.append(first_screen.save_screenshots(page, crawled, url, directory))
        page.goto(url)
        problems[crawled.url] = first_screen.first_screen_problems(page, crawled.page_type)
    context.close()
    if directory:
        (directory / "first-screen.txt").write_text("\n".join(measured) + "\n")
    assert report(problems) == ""


@pytest.mark.parametrize("viewport", [first_screen.PHONE, first_screen.DESKTOP], ids=str)
def test_header_navigation_and_page_start_at_one_left_edge(site, site_browser, viewport):
    context = site_browser.new_context(viewport=viewport)
    page = context.new_page()
    problems = {}
    for crawled in site.representatives():
        page.goto(site.base_url + crawled.url)
        problems[crawled.url] = layout.alignment_problems(page)
    context.close()
    assert report(problems) == ""


def test_no_text_clipped_or_overlapping_at_200_percent_text_with_text_spacing(site, module_page):
    problems = {}
    for page in site.pages:
        module_page.goto(site.base_url + page.url)
        layout.set_text_size(module_page, 200)
        problems[page.url] = layout.layout_problems(module_page)
        layout.set_text_size(module_page, 100)
    assert module_page.csp_violations == []
    assert report(problems) == ""


def test_every_page_type_reads_in_order_with_css_off(site, site_browser):
    context = site_browser.new_context()
    context.route("**/*.css", lambda route: route.abort())
    page = context.new_page()
    problems = {
        crawled.url: degraded.css_off_problems(page, site.base_url + crawled.url)
        for crawled in site.representatives()
    }
    context.close()
    assert report(problems) == ""


def test_every_page_works_and_its_forms_submit_with_javascript_off(site, site_browser):
    context = site_browser.new_context(java_script_enabled=False)
    page = context.new_page()
    problems = {
        crawled.url: degraded.js_off_problems(page, site.base_url + crawled.url, crawled.status)
        for crawled in site.pages
    }
    context.close()
    assert report(problems) == ""
