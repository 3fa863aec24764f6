"""Following a scheme end to end at 320 px, the manage page, and the finder's new filter and
sorts, in every language, with axe; the forms also work without JavaScript."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from alerts.models import Alert
from portal.publishing.snapshots import Snapshot
from portal.services import content_went_live
from tests.alerts.smtp import html_of, path_of, smtp_server, text_of, use_smtp
from tests.browser.conftest import assert_accessible, record_csp_violations
from tests.browser.first_screen import PHONE as FIRST_SCREEN
from tests.schemes.factories import make_scheme

PHONE = {"width": 320, "height": 640}
FOLLOW_LINK = {"en": "Follow this scheme", "tc": "關注此計劃", "sc": "关注此计划"}
CHANGE_LINE = {
    "en": "Maximum funding (HKD): 100,000 → 250,000",
    "tc": "最高資助額（港元）：100,000 → 250,000",
    "sc": "最高资助额（港元）：100,000 → 250,000",
}
STOP = {"en": "Stop following", "tc": "停止關注", "sc": "停止关注"}
NEW_30 = {"en": "In the last 30 days", "tc": "最近 30 日", "sc": "最近 30 日"}
NEWEST = {"en": "Newest first", "tc": "最新在先", "sc": "最新在先"}
SHOW = {"en": "Show schemes", "tc": "顯示計劃", "sc": "显示计划"}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("prefix", ["en", "tc", "sc"])
def test_follow_a_scheme_confirm_hear_of_a_change_and_stop(
    browser, axe, live_server, settings, prefix
):
    cache.clear()
    settings.SITE_URL = live_server.url
    scheme = make_scheme(
        slug="export-fund", name_en="Export Fund", name_zh_hant="出口基金", max_funding_hkd=100_000
    )
    context = browser.new_context(viewport=PHONE)
    page = record_csp_violations(context.new_page())
    with smtp_server() as mailbox:
        use_smtp(settings, mailbox.port)
        page.goto(f"{live_server.url}/{prefix}/schemes/export-fund/")
        page.get_by_role("link", name=FOLLOW_LINK[prefix]).click()
        assert "follow=scheme:export-fund" in page.url
        assert_accessible(page, axe)
        page.fill("input[type=email]", "follower@example.com")
        page.click("form.alert-form button[type=submit]")
        page.wait_for_url(f"**/{prefix}/alerts/check-your-email/")

        [confirmation] = mailbox.messages
        page.goto(live_server.url + path_of(confirmation, "confirm", live_server.url))
        page.click("main form button[type=submit]")
        assert Alert.objects.get().confirmed_at is not None

        before = Snapshot.of(scheme)
        scheme.max_funding_hkd = 250_000
        scheme.save()
        content_went_live(item=scheme, before=before, user=None)
        call_command("send_alerts", verbosity=0)
        call_command("send_alerts", verbosity=0)
        [change] = mailbox.messages[1:]
        assert CHANGE_LINE[prefix] in text_of(change)
        assert "→" in html_of(change)

        page.goto(live_server.url + path_of(change, "manage", live_server.url))
        assert_accessible(page, axe)
    context.close()

    # Stopping works without JavaScript too.
    no_script = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = no_script.new_page()
    page.goto(live_server.url + path_of(change, "manage", live_server.url))
    page.get_by_role("button", name=re.compile(STOP[prefix])).click()
    assert not Alert.objects.exists()
    no_script.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("prefix", ["en", "tc", "sc"])
def test_finder_new_filter_and_newest_sort_without_javascript(browser, axe, live_server, prefix):
    cache.clear()
    with time_machine.travel(timezone.now() - datetime.timedelta(days=60)):
        make_scheme(name_en="Older Grant", name_zh_hant="較舊資助")
    make_scheme(name_en="Newer Grant", name_zh_hant="較新資助")
    no_script = browser.new_context(java_script_enabled=False, viewport=FIRST_SCREEN)
    page = no_script.new_page()
    page.goto(f"{live_server.url}/{prefix}/schemes/")
    page.locator("summary.finder__summary").click()
    page.get_by_label(NEW_30[prefix], exact=True).check()
    page.select_option("select[name=sort]", "newest")
    page.get_by_role("button", name=SHOW[prefix]).click()
    assert "new=30" in page.url and "sort=newest" in page.url
    cards = page.locator(".scheme-card__title").all_inner_texts()
    assert len(cards) == 1
    count = page.locator(".finder__count")
    assert count.get_attribute("role") == "status"
    page.evaluate("window.scrollTo(0, 0)")
    assert count.bounding_box()["y"] < FIRST_SCREEN["height"]  # in the phone's first screen
    no_script.close()

    context = browser.new_context(viewport=PHONE)
    page = record_csp_violations(context.new_page())
    page.goto(f"{live_server.url}/{prefix}/schemes/?new=30&sort=newest")
    assert_accessible(page, axe)
    page.locator("summary.finder__summary").click()
    assert page.get_by_label(NEW_30[prefix], exact=True).is_checked()
    assert page.locator("select[name=sort] option:checked").inner_text() == NEWEST[prefix]
    assert_accessible(page, axe)
    context.close()
