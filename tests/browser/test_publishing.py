"""The publishing workflow in a real browser: an editor's change waits, is marked ready for
review, sent back and published, with e-mails through a loopback SMTP server; axe checks the
admin pages the workflow adds, in English and in Traditional Chinese."""

import os

import pytest

from portal.roles import EDITOR, PUBLISHER
from schemes.models import Scheme
from staff.services import password_change_require, staff_language_set
from tests.alerts.smtp import smtp_server, text_of, use_smtp
from tests.browser.conftest import (
    axe_run,
    describe,
    record_csp_violations,
    sign_in_browser,
    sign_in_with_password,
)
from tests.portal.factories import make_staff
from tests.schemes.factories import add_section, make_scheme

# Set to a directory to keep screenshots of the new pages at phone and desktop widths.
SCREENSHOTS = os.environ.get("SCREENSHOTS_DIR", "")


def check(axe, page, context=None):
    results = axe_run(page, axe, context)
    assert results.violations_count == 0, describe(results)
    assert page.csp_violations == [], page.csp_violations


def colleague(role, username, language="en"):
    user = make_staff(role=role, username=username)
    user.email = f"{username}@tid.gov.hk"
    user.save()
    staff_language_set(user=user, language=language)
    return user


def new_page(browser):
    return record_csp_violations(
        browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    )


def screenshots(page, name):
    """For people to look at (SCREENSHOTS_DIR): the page on a phone and on a desktop."""
    if not SCREENSHOTS:
        return
    os.makedirs(SCREENSHOTS, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def mailbox(settings):
    with smtp_server() as mailbox:
        use_smtp(settings, mailbox.port)
        yield mailbox


@pytest.fixture
def scheme():
    scheme = make_scheme(
        slug="sgs",
        name_en="SME Loan Guarantee Scheme",
        name_zh_hant="中小企業信貸保證計劃",
        max_funding_hkd=200000,
    )
    add_section(scheme, anchor="objective", body_en="<p>Loans for SMEs.</p>")
    return scheme


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_review_round_trip(browser, page, live_server, axe, mailbox, scheme, language):
    colleague(EDITOR, "wong", language)
    colleague(PUBLISHER, "chan", language)
    change_url = f"{live_server.url}/admin/schemes/scheme/{scheme.pk}/change/"
    publishing_url = f"{live_server.url}/admin/schemes/scheme/{scheme.pk}/publishing/"

    # The editor changes a published scheme: it waits.
    sign_in_browser(page, live_server, "wong")
    page.goto(change_url)
    page.wait_for_selector("#publishing-status")
    check(axe, page, {"include": [["#publishing-status"], [".preview-links"]]})
    page.fill("#id_max_funding_hkd", "250000")
    page.click('input[name="_continue"]')
    page.wait_for_selector(".messagelist .success")
    assert page.locator("#publishing-status strong").is_visible()
    check(axe, page, {"include": [["#publishing-status"], [".messagelist"]]})
    screenshots(page, f"change-form-pending-{language}")
    public = page.context.new_page()
    public.goto(f"{live_server.url}/en/schemes/sgs/")
    assert "250,000" not in public.locator("main").inner_text()
    public.close()

    page.click("#publishing-status a")
    page.wait_for_url(publishing_url)
    assert page.locator("table.version-diff ins").first.is_visible()
    check(axe, page, {"include": [["#content-main"]]})
    page.fill("#id_note", "New ceiling from 1 July.")
    page.click("form:has(input[name=action][value=ready]) [type=submit]")
    page.wait_for_selector(".messagelist .success")
    check(axe, page, {"include": [["#content-main"], [".messagelist"]]})
    screenshots(page, f"publishing-ready-{language}")
    [to_publisher] = mailbox.to("chan@tid.gov.hk")
    assert publishing_url.removeprefix(live_server.url) in text_of(to_publisher)

    # The publisher finds it on the admin home, sends it back with a note.
    publisher = new_page(browser)
    sign_in_browser(publisher, live_server, "chan")
    waiting = publisher.locator("#waiting-for-review")
    assert "SME Loan Guarantee Scheme" in waiting.inner_text() or "中小企業信貸保證計劃" in (
        waiting.inner_text()
    )
    check(axe, publisher, {"include": [["#waiting-for-review"]]})
    screenshots(publisher, f"admin-home-waiting-{language}")
    waiting.locator("a").first.click()
    publisher.wait_for_url(publishing_url)
    check(axe, publisher, {"include": [["#content-main"]]})
    screenshots(publisher, f"publishing-publisher-{language}")
    publisher.fill("#id_note", "Say which products the new ceiling covers.")
    publisher.click("form:has(input[name=action][value=send_back]) [type=submit]")
    publisher.wait_for_selector(".messagelist .success")
    [to_editor] = mailbox.to("wong@tid.gov.hk")
    assert "Say which products" in text_of(to_editor)

    # The editor revises and asks again; the publisher publishes.
    page.goto(change_url)
    note_field = "max_funding_note_" + ("en" if language == "en" else "zh_hant")
    page.fill(f"#id_{note_field}", "per enterprise, all products")
    page.click('input[name="_continue"]')
    page.wait_for_selector(".messagelist .success")
    page.goto(publishing_url)
    page.click("form:has(input[name=action][value=ready]) [type=submit]")
    page.wait_for_selector(".messagelist .success")
    assert len(mailbox.to("chan@tid.gov.hk")) == 2

    publisher.goto(publishing_url)
    publisher.click("form:has(input[name=action][value=publish]) [type=submit]")
    publisher.wait_for_selector(".messagelist .success")
    check(axe, publisher, {"include": [["#content-main"], [".messagelist"]]})
    scheme.refresh_from_db()
    assert scheme.max_funding_hkd == 250000
    assert getattr(scheme, note_field) == "per enterprise, all products"
    assert publisher.goto(f"{live_server.url}/en/schemes/sgs/").status == 200
    assert "250,000" in publisher.locator("main").inner_text()
    publisher.context.close()


@pytest.mark.django_db(transaction=True)
def test_the_preview_of_pending_changes_passes_axe(page, live_server, axe, scheme):
    colleague(EDITOR, "wong")
    sign_in_browser(page, live_server, "wong")
    page.goto(f"{live_server.url}/admin/schemes/scheme/{scheme.pk}/change/")
    page.fill("#id_max_funding_hkd", "250000")
    page.click('input[name="_continue"]')
    page.wait_for_selector(".messagelist .success")
    for prefix in ("en", "tc", "sc"):
        response = page.goto(f"{live_server.url}/{prefix}/schemes/sgs/?preview=1")
        assert response.status == 200
        assert page.locator(".preview-banner").is_visible()
        assert "250,000" in page.locator("main").inner_text()
        check(axe, page)
    screenshots(page, "preview-pending-sc")
    assert Scheme.objects.get().max_funding_hkd == 200000


@pytest.mark.django_db(transaction=True)
def test_insert_table_makes_a_header_row(page, live_server, scheme):
    make_staff(role=PUBLISHER, username="maria")
    sign_in_browser(page, live_server, "maria")
    page.goto(f"{live_server.url}/admin/schemes/scheme/{scheme.pk}/change/")
    field = "#tab_id_sections-0-body_en"
    page.wait_for_selector(f"{field} [contenteditable=true]")
    page.locator(f"{field} [contenteditable=true]").click()
    page.locator(f"{field} button[title='Insert table']").click()
    dialog = page.locator("dialog[open]")
    assert dialog.locator("input[type=checkbox]").is_checked()
    dialog.locator("button[type=submit]").click()
    page.click('input[name="_continue"]')
    page.wait_for_selector(".messagelist .success")
    body = scheme.sections.get().body_en
    assert body.count('<th scope="col">') == 3, body


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_a_temporary_password_is_changed_first(page, live_server, axe, language):
    user = colleague(EDITOR, "ho", language)
    password_change_require(user=user)
    sign_in_with_password(page, live_server, "ho")
    page.wait_for_url(f"{live_server.url}/admin/account/password/")
    check(axe, page)
    screenshots(page, f"password-change-{language}")
    page.fill("#id_old_password", "correct horse battery staple")
    page.fill("#id_new_password1", "a kettle of fish on Tuesday")
    page.fill("#id_new_password2", "a kettle of fish on Tuesday")
    page.click("#content-main input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/account/two-factor/set-up/")
    assert page.csp_violations == [], page.csp_violations
