"""Following a scheme or an organiser: sign-up, what a follower is told, once, in their
language, grouped; against a real loopback SMTP server (aiosmtpd)."""

import datetime
import re
import threading

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, connections
from django.utils import timezone

from alerts.models import Alert, Change, Delivery
from alerts.sending import alerts_send
from alerts.services import alert_delete
from portal.alerts import ChangeReason, content_changed
from portal.publishing.snapshots import Snapshot
from portal.services import content_went_live
from schemes.models import Applicant
from tests.alerts.factories import make_alert
from tests.alerts.smtp import html_of, text_of
from tests.schemes.factories import add_section, make_organisation, make_scheme

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 1)
NOON = datetime.datetime(2026, 12, 1, 4, 0, tzinfo=datetime.UTC)  # 12:00 in Hong Kong


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()


def follow(item, **fields) -> Alert:
    return make_alert(
        followed_type=ContentType.objects.get_for_model(item), followed_id=item.pk, **fields
    )


def edit(scheme, **fields):
    """Save changed fields as a publisher does, through the one place changes go live."""
    before = Snapshot.of(scheme)
    for name, value in fields.items():
        setattr(scheme, name, value)
    scheme.save()
    content_went_live(item=scheme, before=before, user=None)


# Signing up


def test_scheme_page_links_to_its_follow_form(client):
    scheme = make_scheme(slug="dtfg")
    html = client.get("/en/schemes/dtfg/").content.decode()
    assert "/en/alerts/subscribe/?kind=schemes&amp;follow=scheme:dtfg" in html
    assert scheme.organisation.slug


def test_organisation_page_links_to_follow_its_schemes(client):
    scheme = make_scheme()
    slug = scheme.organisation.slug
    html = client.get(f"/tc/organisations/{slug}/").content.decode()
    assert f"follow=organisation:{slug}" in html


def test_following_is_double_opt_in_in_the_page_language(client, mailbox):
    scheme = make_scheme(slug="dtfg", name_zh_hant="數碼貿易基金")
    page = client.get("/tc/alerts/subscribe/?kind=schemes&follow=scheme:dtfg")
    assert page.status_code == 200
    assert "數碼貿易基金" in page.content.decode()
    assert 'name="frequency"' not in page.content.decode()
    response = client.post(
        "/tc/alerts/subscribe/?kind=schemes&follow=scheme:dtfg", {"email": "Owner@Example.com"}
    )
    assert response.status_code == 302
    alert = Alert.objects.get()
    assert (alert.followed, alert.language, alert.confirmed_at) == (scheme, "zh-hant", None)
    [message] = mailbox.messages
    assert "數碼貿易基金" in text_of(message)
    assert "重要更改、開始接受申請，以及截止前 14 日和 3 日的提示。" in text_of(message)
    assert "重要更改" in html_of(message)
    link = re.search(
        r"https://sme\.example\.gov\.hk(/tc/alerts/confirm/[^/\s]+/)", text_of(message)
    )
    client.post(link[1])
    alert.refresh_from_db()
    assert alert.confirmed_at is not None


@pytest.mark.parametrize("follow_value", ["scheme:missing", "nothing:x", "scheme:"])
def test_following_nothing_published_is_not_found(client, follow_value):
    response = client.get(f"/en/alerts/subscribe/?kind=schemes&follow={follow_value}")
    assert response.status_code == 404


def test_a_draft_cannot_be_followed(client):
    make_scheme(slug="draft", status="draft")
    assert client.get("/en/alerts/subscribe/?kind=schemes&follow=scheme:draft").status_code == 404


# What a follower is told


def test_significant_change_is_told_with_old_and_new_in_words(mailbox):
    scheme = make_scheme(name_en="Export Fund", max_funding_hkd=100_000)
    follow(scheme)
    edit(scheme, max_funding_hkd=200_000, applicant=Applicant.START_UPS)
    alerts_send()
    alerts_send()
    [message] = mailbox.messages
    text = text_of(message)
    assert message["Subject"] == "Changed: Export Fund"
    assert "Maximum funding (HKD): 100,000 → 200,000" in text
    assert "Who can apply: Small and medium enterprises → Start-ups" in text
    assert "- Maximum funding: HK$200,000" in text
    assert "- Status: Open all year round" in text
    assert "- Applications close: Open all year round" in text
    assert "What scheme" in text  # the summary
    assert "200,000" in html_of(message) and "→" in html_of(message)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Maximum funding (HKD): 100,000 → 200,000"),
        ("zh-hant", "最高資助額（港元）：100,000 → 200,000"),
        ("zh-hans", "最高资助额（港元）：100,000 → 200,000"),
    ],
)
def test_the_fields_of_a_change_are_in_the_followers_language(mailbox, language, expected):
    scheme = make_scheme(max_funding_hkd=100_000)
    follow(scheme, language=language)
    edit(scheme, max_funding_hkd=200_000)
    alerts_send()
    [message] = mailbox.messages
    assert expected in text_of(message)
    if language == "zh-hans":
        assert "資" not in text_of(message) + message["Subject"]


def test_an_unmarked_edit_to_other_fields_tells_nobody(mailbox):
    scheme = make_scheme()
    follow(scheme)
    edit(scheme, fees="None")
    alerts_send()
    assert mailbox.messages == [] and Change.objects.count() == 0


def test_a_section_added_or_removed_counts(mailbox):
    scheme = make_scheme()
    follow(scheme)
    before = Snapshot.of(scheme)
    add_section(scheme, anchor="eligibility", heading_en="Eligibility")
    content_went_live(item=scheme, before=before, user=None)
    alerts_send()
    [message] = mailbox.messages
    assert "Section “Eligibility”: added" in text_of(message)


def test_a_publisher_marked_change_with_a_note_is_told(mailbox):
    scheme = make_scheme()
    follow(scheme)
    content_changed(item=scheme, reason=ChangeReason.CHANGED, summary_en="New guidance notes")
    alerts_send()
    [message] = mailbox.messages
    assert "Note: New guidance notes" in text_of(message)


def test_three_changes_arrive_in_one_grouped_e_mail(mailbox):
    organisation = make_organisation()
    first = make_scheme(organisation=organisation, name_en="First", max_funding_hkd=1)
    second = make_scheme(name_en="Second", max_funding_hkd=1)
    follow(organisation)
    follow(second)
    edit(first, max_funding_hkd=2)
    edit(second, max_funding_hkd=2)
    make_scheme(organisation=organisation, name_en="Third")
    content_changed(item=organisation.schemes.get(name_en="Third"), reason=ChangeReason.PUBLISHED)
    alerts_send()
    [message] = mailbox.messages
    assert message["Subject"] == "Support for SMEs: 3 updates"
    text = text_of(message)
    assert text.index("Changed: First") < text.index("Changed: Second") < text.index("New: Third")
    assert Delivery.objects.filter(outcome="sent").count() == 3


def test_a_change_matched_twice_is_told_once(mailbox):
    scheme = make_scheme(name_en="Twice", max_funding_hkd=1)
    follow(scheme)
    follow(scheme.organisation)
    edit(scheme, max_funding_hkd=2)
    alerts_send()
    [message] = mailbox.messages
    assert text_of(message).count("Changed: Twice") == 1


def test_unconfirmed_and_stopped_follows_get_nothing(mailbox):
    scheme = make_scheme(max_funding_hkd=1)
    follow(scheme, email="unconfirmed@example.com", confirmed=False)
    stopped = follow(scheme, email="stopped@example.com")
    alert_delete(alert=stopped)
    edit(scheme, max_funding_hkd=2)
    alerts_send()
    assert mailbox.messages == []


def test_a_filter_alert_does_not_get_followers_reminders(mailbox):
    make_alert()
    with time_machine.travel(NOON, tick=False):
        make_scheme(closes_on=TODAY + datetime.timedelta(days=14))
        alerts_send()
    assert mailbox.messages == []


# The calendar: openings and reminders


def test_reminders_14_and_3_days_before_closing_each_once(mailbox):
    closes = TODAY + datetime.timedelta(days=20)
    with time_machine.travel(NOON, tick=False) as traveller:
        scheme = make_scheme(name_en="Closing Fund", opens_on=TODAY, closes_on=closes)
        follow(scheme, language="zh-hant")
        alerts_send()  # opens today
        [opened] = mailbox.messages
        assert "現已接受申請" in opened["Subject"]
        traveller.move_to(NOON + datetime.timedelta(days=5))
        alerts_send()
        assert len(mailbox.messages) == 1  # 15 days left: nothing yet
        traveller.move_to(NOON + datetime.timedelta(days=6))
        alerts_send()
        alerts_send()
        traveller.move_to(NOON + datetime.timedelta(days=10))
        alerts_send()  # 10 days left: the 14-day reminder was already sent
        traveller.move_to(NOON + datetime.timedelta(days=17))
        alerts_send()
        traveller.move_to(NOON + datetime.timedelta(days=19))
        alerts_send()
    subjects = [message["Subject"] for message in mailbox.messages]
    assert len(subjects) == 3
    assert "14" in subjects[1] and "3" in subjects[2]
    assert "截止日期" in text_of(mailbox.messages[2])


def test_no_reminder_for_a_scheme_open_all_year(mailbox):
    with time_machine.travel(NOON, tick=False) as traveller:
        scheme = make_scheme(closes_on=None)
        follow(scheme)
        for day in range(0, 30):
            traveller.move_to(NOON + datetime.timedelta(days=day))
            alerts_send()
    assert mailbox.messages == [] and Change.objects.count() == 0


def test_a_scheme_reopened_by_a_new_closing_date_is_told(mailbox):
    with time_machine.travel(NOON, tick=False):
        scheme = make_scheme(closes_on=TODAY - datetime.timedelta(days=1))
        follow(scheme)
        edit(scheme, closes_on=TODAY + datetime.timedelta(days=60))
        alerts_send()
    [message] = mailbox.messages
    assert "Status: Closed → Open" in text_of(message)


@pytest.mark.django_db(transaction=True)
def test_each_message_once_across_two_concurrent_runs(mailbox):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent senders need PostgreSQL's row locks")
    with time_machine.travel(NOON, tick=False):
        schemes = [
            make_scheme(max_funding_hkd=1, closes_on=TODAY + datetime.timedelta(days=3))
            for _ in range(3)
        ]
        for number in range(6):
            follow(schemes[number % 3], email=f"owner{number}@example.com")
        for scheme in schemes:
            edit(scheme, max_funding_hkd=2)
        barrier = threading.Barrier(2)

        def sender():
            barrier.wait()
            alerts_send()
            connections.close_all()

        threads = [threading.Thread(target=sender) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(m["To"] for m in mailbox.messages) == [f"owner{n}@example.com" for n in range(6)]
    assert Change.objects.filter(reason=ChangeReason.REMINDER).count() == 3
    assert Delivery.objects.filter(outcome="sent").count() == 12  # a change and a reminder each
    assert timezone.now()


def test_weekly_summary_is_grouped_by_scheme_event_and_notice(mailbox):
    from events.models import Event  # noqa: F401 (registered source)
    from tests.events.factories import make_event
    from tests.notices.factories import make_notice

    make_alert(kind="everything", frequency="weekly")
    content_changed(item=make_scheme(name_en="A Scheme"), reason=ChangeReason.PUBLISHED)
    content_changed(item=make_event(title_en="An Event"), reason=ChangeReason.PUBLISHED)
    content_changed(item=make_notice(title_en="A Notice"), reason=ChangeReason.PUBLISHED)
    with time_machine.travel(datetime.timedelta(days=7, minutes=1)):
        alerts_send()
    [message] = mailbox.messages
    text = text_of(message)
    assert message["Subject"] == "Support for SMEs weekly summary: 3 updates"
    headings = ["== Funding schemes ==", "== Events ==", "== Important notices =="]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert text.index("A Scheme") < positions[1] < text.index("An Event") < positions[2]
    assert text.index("A Notice") > positions[2]
    assert "<h2>Events</h2>" in html_of(message)


def test_manage_page_lists_alerts_and_follows_each_with_its_own_stop(client):
    from alerts.tokens import manage_token

    scheme = make_scheme(name_en="Export Fund", slug="export-fund")
    followed = follow(scheme)
    make_alert(filters={"type": ["grant"]})
    follow(scheme.organisation)
    url = f"/en/alerts/manage/{manage_token(followed.subscriber)}/"
    html = client.get(url).content.decode()
    assert '<a href="/en/schemes/export-fund/">Export Fund</a>' in html
    assert "Stop following Export Fund" in html
    assert f"Stop following Schemes administered by {scheme.organisation.name_en}" in html
    assert "Stop this alert" in html and "Type of support: Grant" in html
    assert "Stop everything and delete my address" in html
    assert f'id="frequency-{followed.pk}"' not in html  # follows come as it happens
    response = client.post(url, {"alert": followed.pk, "action": "delete"})
    assert response.status_code == 302
    assert Alert.objects.count() == 2
    assert "Stop following Export Fund" not in client.get(url).content.decode()


def test_a_reminder_says_the_days_actually_left(mailbox):
    with time_machine.travel(NOON, tick=False):
        scheme = make_scheme(name_en="Late Fund", closes_on=TODAY + datetime.timedelta(days=10))
        alerts_send()
        assert Change.objects.count() == 0  # nobody follows it yet: nothing recorded
        follow(scheme)
        alerts_send()
    [message] = mailbox.messages
    assert message["Subject"] == "Closes in 10 days: Late Fund"
    assert "- Applications close: 11 December 2026" in text_of(message)


def test_follows_of_a_deleted_scheme_are_deleted_with_it(mailbox):
    kept, gone = make_scheme(), make_scheme()
    follow(kept, email="kept@example.com")
    follow(gone, email="gone@example.com")
    gone.delete()
    alerts_send()
    assert [alert.followed for alert in Alert.objects.all()] == [kept]
    assert mailbox.messages == []


def test_a_follow_stays_immediate(client):
    from alerts.tokens import manage_token

    followed = follow(make_scheme())
    url = f"/en/alerts/manage/{manage_token(followed.subscriber)}/"
    client.post(url, {"alert": followed.pk, "action": "frequency", "frequency": "weekly"})
    followed.refresh_from_db()
    assert followed.frequency == "immediate"


def test_an_invalid_address_on_the_follow_form_is_a_clear_400(client):
    make_scheme(slug="dtfg")
    response = client.post("/en/alerts/subscribe/?kind=schemes&follow=scheme:dtfg", {"email": "x"})
    assert response.status_code == 400
    assert "Enter an e-mail address in the right format" in response.content.decode()
