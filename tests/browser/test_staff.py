"""Staff sign-in with a second factor, and the admin in Traditional Chinese, in a real browser.

Every page here must make no Content-Security-Policy report at all; axe checks the pages we
made whole, and our parts of Django's own admin screens.
"""

from base64 import b32decode

import pytest

from portal.roles import PUBLISHER
from schemes.models import Scheme
from tests.browser.conftest import axe_run, describe, sign_in_browser, sign_in_with_password
from tests.portal.factories import authenticator_for, make_staff, one_time_code
from tests.schemes.factories import add_section, make_scheme


def check(axe, page, context=None):
    results = axe_run(page, axe, context)
    assert results.violations_count == 0, describe(results)
    assert page.csp_violations == [], page.csp_violations


def submit_code(page, code):
    page.fill("#id_token", code)
    page.click("#content-main input[type=submit]")


@pytest.mark.django_db(transaction=True)
def test_first_sign_in_sets_up_the_second_factor_then_codes_sign_in(page, live_server, axe):
    make_staff(role=PUBLISHER, username="maria")
    page.goto(f"{live_server.url}/admin/login/")
    page.click("#user-tools button[lang=zh-Hant-HK]")  # chosen before signing in
    page.wait_for_selector("html[lang=zh-hant]")
    check(axe, page, {"include": [["#user-tools"], ["#content-main"]]})
    sign_in_with_password(page, live_server, "maria")

    page.wait_for_url("**/admin/account/two-factor/set-up/")
    assert page.locator("h1").inner_text() == "設定雙重認證登入"
    assert page.locator("img.two-factor-qr").evaluate("img => img.naturalWidth") > 0
    check(axe, page)
    page.set_viewport_size({"width": 320, "height": 800})
    check(axe, page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    key = page.locator("[data-key]").inner_text().replace(" ", "")
    submit_code(page, one_time_code(b32decode(key + "=" * (-len(key) % 8))))

    page.wait_for_selector(".recovery-codes")
    assert page.locator("h1").inner_text() == "你的備用驗證碼"
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    check(axe, page)
    page.click("text=前往管理介面")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.locator("html").get_attribute("lang") == "zh-hant"

    page.click("#logout-form button")
    sign_in_with_password(page, live_server, "maria")
    page.wait_for_url("**/admin/account/two-factor/?next=*")
    check(axe, page)
    submit_code(page, codes[0])  # a recovery code, once
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.csp_violations == [], page.csp_violations


@pytest.mark.django_db(transaction=True)
def test_a_session_without_a_second_factor_cannot_reach_content(page, live_server):
    authenticator_for(make_staff(role=PUBLISHER, username="maria"))
    scheme = make_scheme(slug="draft-scheme")
    Scheme.objects.filter(pk=scheme.pk).update(status=Scheme.Status.DRAFT)
    sign_in_with_password(page, live_server, "maria")
    page.wait_for_url("**/admin/account/two-factor/?next=*")

    for path in ("/admin/schemes/scheme/", f"/admin/schemes/scheme/{scheme.pk}/change/"):
        page.goto(live_server.url + path)
        assert "/admin/account/two-factor/" in page.url
        assert page.locator("#id_token").is_visible()
    assert page.goto(f"{live_server.url}/tc/schemes/draft-scheme/?preview=1").status == 404


@pytest.mark.django_db(transaction=True)
def test_the_admin_in_traditional_chinese_makes_no_csp_report(page, live_server, axe):
    make_staff(superuser=True, username="admin")
    scheme = make_scheme(
        slug="sgs", name_en="SME Loan Guarantee Scheme", name_zh_hant="中小企業信貸保證計劃"
    )
    add_section(scheme, anchor="objective", body_en="<p>Old.</p>", body_zh_hant="<p>舊。</p>")
    sign_in_browser(page, live_server, "admin")
    page.click("#user-tools button[lang=zh-Hant-HK]")
    page.wait_for_selector("html[lang=zh-hant]")
    check(axe, page, {"include": [["#user-tools"]]})

    page.goto(f"{live_server.url}/admin/schemes/scheme/")
    assert page.locator("#changelist").is_visible()
    check(axe, page, {"include": [["#user-tools"]]})

    change_url = f"{live_server.url}/admin/schemes/scheme/{scheme.pk}/change/"
    page.goto(change_url)
    page.wait_for_selector("#tab_id_sections-0-body_en [contenteditable=true]", state="attached")
    toolbar = page.locator("#tab_id_sections-0-body_en .prose-menubar")
    assert toolbar.locator("button[title=粗體]").count() == 1
    field_id = "id_sections-0-body_zh_hant"
    page.click(f'a[href="#tab_{field_id}"]')
    page.locator(f"#tab_{field_id} [contenteditable=true]").click()
    page.keyboard.type("為中小企提供貸款。")
    page.locator(f"#tab_{field_id} button[title=插入表格]").click()
    dialog = page.locator("dialog[open]")
    assert "列數" in dialog.inner_text()
    dialog.locator("button", has_text="取消").click()
    our_parts = [
        [".prose-editor"],
        [".content-languages-note"],
        [".preview-links"],
        ["#user-tools"],
    ]
    check(axe, page, {"include": our_parts})
    page.click('input[name="_continue"]')
    page.wait_for_selector(".messagelist .success")
    assert "為中小企提供貸款。" in scheme.sections.get().body_zh_hant
    assert page.csp_violations == [], page.csp_violations

    page.goto(f"{live_server.url}/admin/schemes/scheme/add/")
    page.locator("#id_abbreviation").press_sequentially("NSS")  # script fills the slug in
    assert page.input_value("#id_slug") == "nss"
    check(axe, page, {"include": [[".content-languages-note"], ["#user-tools"]]})

    page.goto(f"{change_url.removesuffix('change/')}history/")
    check(axe, page, {"include": [["#change-history"]]})
    page.click("#change-history tbody tr:last-child a:text('顯示修改')")
    page.wait_for_selector("table.version-diff")
    check(axe, page, {"include": [["#content-main"]]})

    page.goto(f"{live_server.url}/tc/schemes/sgs/?preview=1")
    assert page.locator(".preview-banner").is_visible()
    check(axe, page)

    page.goto(f"{live_server.url}/admin/portal/auditentry/")
    assert "以密碼登入" in page.locator("#result_list").inner_text()
    check(axe, page, {"include": [["#user-tools"]]})
    page.click("#result_list tbody tr:first-child a")
    page.wait_for_selector("#auditentry_form")
    assert page.locator("input[type=submit]").count() == 0  # read-only
    check(axe, page, {"include": [["#user-tools"]]})

    page.goto(f"{live_server.url}/admin/auth/user/")
    page.select_option("select[name=action]", "reset_second_factor")
    page.check("#result_list tbody input[type=checkbox]")
    page.click("button[name=index]")
    page.wait_for_selector(".messagelist .success")
    assert "已為 1 個帳戶重設雙重認證登入" in page.locator(".messagelist").inner_text()
    page.wait_for_url("**/admin/account/two-factor/set-up/")  # their own: set up again
    assert page.csp_violations == [], page.csp_violations


@pytest.mark.django_db(transaction=True)
def test_staff_paste_their_password_and_code_nothing_to_remember(browser, live_server):
    """WCAG 3.3.8: password managers and the clipboard work on every sign-in field."""
    user = make_staff(username="paste")
    device = authenticator_for(user)
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()

    def paste(selector, text):
        page.evaluate("(text) => navigator.clipboard.writeText(text)", text)
        page.focus(selector)
        page.keyboard.press("Control+V")

    page.goto(f"{live_server.url}/admin/login/")
    assert page.get_attribute("#id_username", "autocomplete") == "username"
    assert page.get_attribute("#id_password", "autocomplete") == "current-password"
    paste("#id_username", "paste")
    paste("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/account/two-factor/**")
    assert page.get_attribute("#id_token", "autocomplete") == "one-time-code"
    code = one_time_code(device.bin_key, not_before=device.last_t)
    paste("#id_token", f"{code[:3]} {code[3:]}")  # as authenticator apps show it
    assert page.input_value("#id_token") == f"{code[:3]} {code[3:]}"
    page.click("#content-main input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    context.close()
