"""Review dates and link checks in a real browser, in the English and the Traditional Chinese
admin: the overdue list and broken-link count on the admin home, the outside links list, the
review box and its button, the links on the publishing page, and the public "Last reviewed"
line in en/tc/sc; axe checks each. Links point at a local http.server."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.roles import EDITOR, PUBLISHER
from tests.browser.conftest import sign_in_browser
from tests.browser.test_publishing import check, colleague, new_page, screenshots
from tests.notices.factories import make_notice
from tests.portal.linkserver import link_site
from tests.schemes.factories import add_section, make_scheme

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site():
    with link_site() as site:
        yield site


def scheme_with_links(site, **fields):
    scheme = make_scheme(
        name_en="SME Loan Guarantee Scheme",
        name_zh_hant="中小企業信貸保證計劃",
        website=site.url("/ok/sgs"),
        **fields,
    )
    add_section(
        scheme,
        anchor="apply",
        heading_en="How to apply",
        heading_zh_hant="申請方法",
        body_en=f'<p>Use the <a href="{site.url("/missing/form")}">application form</a>.</p>',
        body_zh_hant=f'<p>請使用<a href="{site.url("/moved")}">申請表格</a>。</p>',
    )
    return scheme


@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_a_publisher_finds_what_is_overdue_and_broken_and_marks_it_reviewed(
    browser, live_server, axe, site, language
):
    colleague(PUBLISHER, "chan", language)
    scheme = scheme_with_links(
        site,
        slug="sgs",
        last_reviewed=datetime.date(2019, 9, 27),
        next_review=datetime.date(2020, 3, 27),
    )
    call_command("check_links", stdout=io.StringIO())
    page = new_page(browser)
    sign_in_browser(page, live_server, "chan")

    overdue = page.locator("#overdue-for-review")
    assert ("SME Loan Guarantee Scheme" if language == "en" else "中小企業信貸保證計劃") in (
        overdue.inner_text()
    )
    check(axe, page, {"include": [["#overdue-for-review"], ["#broken-links-summary"]]})
    screenshots(page, f"admin-home-overdue-{language}")

    page.click("#broken-links-summary a")
    page.wait_for_selector("#result_list")
    assert site.url("/missing/form") in page.locator("#result_list").inner_text()
    assert site.url("/ok/sgs") not in page.locator("#result_list").inner_text()
    check(axe, page, {"include": [["#content"]]})
    screenshots(page, f"outside-links-{language}")

    page.goto(f"{live_server.url}/admin/schemes/scheme/{scheme.pk}/change/")
    box = page.locator("#review-dates")
    assert "2019" in box.inner_text()
    check(axe, page, {"include": [["#review-dates"]]})
    screenshots(page, f"review-box-{language}")
    box.locator("button").click()
    page.wait_for_selector(".messagelist .success")
    check(axe, page, {"include": [["#review-dates"], [".messagelist"]]})
    scheme.refresh_from_db()
    assert scheme.last_reviewed == timezone.localdate()
    assert "2019" not in page.locator("#review-dates").inner_text()


@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_the_publisher_sees_a_drafts_broken_links_before_publishing(
    browser, live_server, axe, site, language
):
    colleague(EDITOR, "wong", language)
    colleague(PUBLISHER, "chan", language)
    scheme = scheme_with_links(site, slug="draft-sgs", status="draft", last_reviewed=None)
    publishing_url = f"{live_server.url}/admin/schemes/scheme/{scheme.pk}/publishing/"
    editor = new_page(browser)
    sign_in_browser(editor, live_server, "wong")
    editor.goto(publishing_url)
    editor.click("form:has(input[name=action][value=ready]) [type=submit]")
    editor.wait_for_selector(".messagelist .success")

    publisher = new_page(browser)
    sign_in_browser(publisher, live_server, "chan")
    publisher.goto(publishing_url)
    report = publisher.locator("#links-report")
    assert site.url("/missing/form") in report.locator("table").inner_text()
    check(axe, publisher, {"include": [["#links-report"]]})
    screenshots(publisher, f"publishing-links-{language}")


@pytest.mark.parametrize(
    ("prefix", "label", "day"),
    [
        ("en", "Last reviewed", "7 December 2026"),
        ("tc", "最後審閱日期", "2026年12月7日"),
        ("sc", "最后审阅日期", "2026年12月7日"),
    ],
)
def test_public_pages_say_when_they_were_last_reviewed(page, live_server, axe, prefix, label, day):
    make_scheme(slug="sgs", last_reviewed=datetime.date(2026, 12, 7))
    make_notice(slug="privacy-policy", last_reviewed=datetime.date(2026, 12, 7))
    for path, line in (
        ("schemes/sgs/", ".scheme__reviewed"),
        ("notices/privacy-policy/", ".notice-revised"),
    ):
        page.goto(f"{live_server.url}/{prefix}/{path}")
        dates = page.locator(line)
        assert label in dates.inner_text() and day in dates.inner_text()
        check(axe, page)
        screenshots(page, f"{path.split('/')[0]}-last-reviewed-{prefix}")
