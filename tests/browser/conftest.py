"""Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Pages are served with the same Content-Security-Policy and headers as production, and axe-core
checks WCAG 2.2 A and AA (target sizes among them).
"""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # the test machines run as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def pytest_collection_modifyitems(items):
    """Mark browser tests and run them last: Playwright's event loop stays in the main thread
    for the rest of the session, where Django's async-safety check would trip other tests."""
    browser_items = [item for item in items if "tests/browser/" in str(item.fspath)]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
        items.remove(item)
    items.extend(browser_items)


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API keeps an event loop in this thread; the ORM calls that tests and
    # pytest-django make around it are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def record_csp_violations(page):
    """Collect the console's Content-Security-Policy reports in `page.csp_violations`."""
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and page.csp_violations.append(f"{message.text} at {message.location}")
        ),
    )
    return page


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield record_csp_violations(context.new_page())
    context.close()


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def audit(page, axe, live_server):
    """Open a path, check it was served under our CSP, and return axe's violations."""

    def run(path, status=200):
        return axe_audit(page, axe, live_server.url + path, status)

    return run


def axe_audit(page, axe, url, status=200):
    """Open a URL in a page from `record_csp_violations`, check it was served under our CSP,
    and return axe's WCAG 2.2 A and AA violations."""
    response = page.goto(url)
    assert response.status == status, url
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    results = axe.run(page, options=AXE_OPTIONS)
    assert page.csp_violations == [], page.csp_violations
    return results


def axe_run(page, axe, context=None):
    """Run axe on a page that has made no CSP report so far.

    axe-core, evaluated into the page by the test, applies inline styles of its own, which our
    CSP blocks. Those reports carry no script URL (the page itself cannot run inline script)
    and are dropped; any other report stays for the test to fail on.
    """
    assert page.csp_violations == [], page.csp_violations
    results = axe.run(page, context=context, options=AXE_OPTIONS)
    page.csp_violations[:] = [
        report for report in page.csp_violations if "{'url': ''," not in report
    ]
    return results


def assert_accessible(page, axe):
    """axe's WCAG 2.2 A and AA rules, no CSP report, and nothing wider than a 320 px phone."""
    results = axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    assert results.violations_count == 0, results.generate_report()
    assert page.csp_violations == [], page.csp_violations
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, page.url


def describe(results) -> str:
    return results.generate_report() if results.violations_count else ""


def sign_in_browser(page, live_server, username, password="correct horse battery staple"):
    """Sign a staff member in through the admin's own forms, password then a one-time code
    made from their authenticator's secret: the one place browser tests sign staff in."""
    from django.contrib.auth.models import User

    from tests.portal.factories import authenticator_for, one_time_code

    device = authenticator_for(User.objects.get(username=username))
    sign_in_with_password(page, live_server, username, password)
    page.wait_for_url(f"{live_server.url}/admin/account/two-factor/**")
    page.fill("#id_token", one_time_code(device.bin_key, not_before=device.last_t))
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def sign_in_with_password(page, live_server, username, password="correct horse battery staple"):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
