"""E-mail alerts end to end: subscribe from the finder at 320 px, confirm through the e-mail the
loopback SMTP server received, publish in the admin, send, unsubscribe, publish again."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from alerts.models import Subscriber
from portal.models import Publishable
from portal.roles import PUBLISHER
from schemes.models import SupportType
from tests.alerts.smtp import path_of, smtp_server, text_of, use_smtp
from tests.browser.conftest import assert_accessible, record_csp_violations, sign_in_browser
from tests.portal.factories import make_staff
from tests.schemes.factories import make_scheme

# The e-mail's subject, for each prefix: the subscription's language.
EXPECTED_SUBJECTS = {
    "en": "New: Export Loan Guarantee",
    "tc": "新增：出口貸款擔保",
    "sc": "新增：出口贷款担保",
}


def publish_in_admin(staff_page, live_server, scheme):
    staff_page.goto(f"{live_server.url}/admin/schemes/scheme/{scheme.pk}/change/")
    staff_page.select_option("#id_status", Publishable.Status.PUBLISHED)
    staff_page.click("input[name=_save]")
    staff_page.wait_for_url(f"{live_server.url}/admin/schemes/scheme/")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("prefix", ["en", "tc", "sc"])
def test_subscribe_confirm_receive_once_and_unsubscribe(
    browser, axe, live_server, settings, prefix
):
    cache.clear()
    settings.SITE_URL = live_server.url
    staff = make_staff(role=PUBLISHER)
    loan = {"support_type": SupportType.LOAN, "status": Publishable.Status.DRAFT}
    first = make_scheme(name_en="Export Loan Guarantee", name_zh_hant="出口貸款擔保", **loan)
    second = make_scheme(name_en="Second Loan", name_zh_hant="第二貸款", **loan)
    phone = browser.new_context(viewport={"width": 320, "height": 640})
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    page = record_csp_violations(phone.new_page())
    staff_page = desk.new_page()
    with smtp_server() as mailbox:
        use_smtp(settings, mailbox.port)

        page.goto(f"{live_server.url}/{prefix}/schemes/?type=loan")
        page.click("a[href*='/alerts/subscribe/']")
        assert "kind=schemes" in page.url and "type=loan" in page.url
        assert_accessible(page, axe)
        page.fill("input[type=email]", "sme-owner@example.com")
        page.click("form.alert-form button[type=submit]")
        page.wait_for_url(f"**/{prefix}/alerts/check-your-email/")
        assert_accessible(page, axe)

        [confirmation] = mailbox.messages
        page.goto(live_server.url + path_of(confirmation, "confirm", live_server.url))
        assert_accessible(page, axe)
        page.click("main form button[type=submit]")
        assert_accessible(page, axe)

        sign_in_browser(staff_page, live_server, staff.username)
        publish_in_admin(staff_page, live_server, first)
        call_command("send_alerts", verbosity=0)
        call_command("send_alerts", verbosity=0)
        [alert] = mailbox.messages[1:]
        assert alert["Subject"] == EXPECTED_SUBJECTS[prefix]
        assert f"{live_server.url}/{prefix}/schemes/" in text_of(alert)

        unsubscribe = alert["List-Unsubscribe"].strip().strip("<>")
        page.goto(unsubscribe)
        assert_accessible(page, axe)
        page.click("main form button[type=submit]")
        assert_accessible(page, axe)
        assert not Subscriber.objects.exists()

        publish_in_admin(staff_page, live_server, second)
        call_command("send_alerts", verbosity=0)
        assert len(mailbox.messages) == 2
    phone.close()
    desk.close()


def submit_invalid_address(page, base):
    page.goto(base)
    page.click("a[href$='/alerts/subscribe/']")
    page.fill("input[type=email]", "not an address")
    page.click("form.alert-form button[type=submit]")
    assert page.locator(".error-summary a[href='#id_email']").is_visible()
    assert page.locator("#id_email[aria-invalid=true]").count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("prefix", ["en", "tc", "sc"])
def test_sign_up_errors_and_manage_page_without_javascript(browser, axe, live_server, prefix):
    from alerts.tokens import manage_token
    from tests.alerts.factories import make_alert

    cache.clear()
    alert = make_alert(email="manager@example.com", filters={"type": ["grant"]})
    manage_url = f"{live_server.url}/{prefix}/alerts/manage/{manage_token(alert.subscriber)}/"
    # axe needs JavaScript: the same pages, checked in a phone-sized tab with it.
    phone = browser.new_context(viewport={"width": 320, "height": 640})
    page = record_csp_violations(phone.new_page())
    submit_invalid_address(page, f"{live_server.url}/{prefix}/")
    assert_accessible(page, axe)
    page.goto(manage_url)
    assert_accessible(page, axe)
    phone.close()

    no_script = browser.new_context(
        java_script_enabled=False, viewport={"width": 320, "height": 640}
    )
    page = no_script.new_page()
    submit_invalid_address(page, f"{live_server.url}/{prefix}/")
    page.goto(manage_url)
    page.select_option(f"#frequency-{alert.pk}", "weekly")
    page.click(f"#frequency-{alert.pk} ~ button")
    alert.refresh_from_db()
    assert alert.frequency == "weekly"
    no_script.close()
