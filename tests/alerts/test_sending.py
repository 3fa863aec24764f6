"""send_alerts: matching with the finder's filters, once per alert and change, in its language."""

import datetime

import pytest
import time_machine
from django.core.management import CommandError, call_command

from alerts.models import Change, Delivery
from alerts.sending import alerts_send
from events.models import Event
from portal.alerts import ChangeReason, content_changed
from schemes.models import SupportType
from tests.alerts.factories import make_alert
from tests.alerts.smtp import html_of, smtp_server, text_of, use_smtp
from tests.events.factories import make_event
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db


def publish(item, **summaries):
    content_changed(item=item, reason=ChangeReason.PUBLISHED, **summaries)


def test_a_matching_published_scheme_is_sent_exactly_once(mailbox):
    make_alert(filters={"type": ["loan"]})
    publish(make_scheme(name_en="Export Loan", support_type=SupportType.LOAN))
    publish(make_scheme(name_en="Training Grant", support_type=SupportType.GRANT))
    call_command("send_alerts", verbosity=0)
    call_command("send_alerts", verbosity=0)
    [message] = mailbox.messages
    assert message["Subject"] == "New: Export Loan"
    assert "Training Grant" not in text_of(message)
    assert "https://sme.example.gov.hk/en/schemes/" in text_of(message)
    assert Delivery.objects.filter(outcome="sent").count() == 1
    assert Delivery.objects.filter(outcome="skipped").count() == 1


def test_keyword_matches_as_the_finder_searches(mailbox):
    make_alert(filters={"q": ["export"]})
    publish(make_scheme(name_en="Export Marketing Fund"))
    publish(make_scheme(name_en="Patent Grant"))
    alerts_send()
    assert [m["Subject"] for m in mailbox.messages] == ["New: Export Marketing Fund"]


def test_every_e_mail_has_one_click_unsubscribe_headers_and_links(mailbox):
    make_alert()
    publish(make_scheme())
    alerts_send()
    [message] = mailbox.messages
    unsubscribe = message["List-Unsubscribe"].strip()
    assert unsubscribe.startswith("<https://sme.example.gov.hk/en/alerts/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in text_of(message)
    assert "/en/alerts/manage/" in html_of(message)


@pytest.mark.parametrize(
    ("language", "subject", "path"),
    [("en", "New: Scheme Alpha", "/en/"), ("zh-hant", "新增：計劃甲", "/tc/"),
     ("zh-hans", "新增：计划甲", "/sc/")],
)  # fmt: skip
def test_e_mail_is_in_the_language_of_the_subscription(mailbox, language, subject, path):
    make_alert(language=language)
    publish(make_scheme(name_en="Scheme Alpha", name_zh_hant="計劃甲"))
    alerts_send()
    [message] = mailbox.messages
    assert message["Subject"] == subject
    assert f"https://sme.example.gov.hk{path}schemes/" in text_of(message)


def test_significant_change_summary_is_in_the_e_mail(mailbox):
    make_alert(language="zh-hant")
    scheme = make_scheme()
    content_changed(
        item=scheme,
        reason=ChangeReason.CHANGED,
        summary_en="Application period extended to 30 June",
        summary_zh_hant="申請期延長至6月30日",
    )
    alerts_send()
    assert "申請期延長至6月30日" in text_of(mailbox.messages[0])


def test_a_cancelled_event_reaches_event_alerts_only(mailbox):
    event_alert = make_alert(kind="events", email="events@example.com")
    make_alert(kind="schemes", email="schemes@example.com")
    event = make_event(starts_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC))
    event.event_status = Event.EventStatus.CANCELLED
    event.save()
    content_changed(item=event, reason=ChangeReason.CANCELLED)
    alerts_send()
    [message] = mailbox.messages
    assert message["To"] == event_alert.subscriber.email
    assert message["Subject"].startswith("Cancelled: ")


def test_everything_alert_gets_every_kind(mailbox):
    make_alert(kind="everything")
    publish(make_scheme())
    publish(make_event(starts_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC)))
    alerts_send()
    [message] = mailbox.messages
    assert message["Subject"] == "Support for SMEs: 2 updates"


def test_changes_before_confirmation_are_not_sent(mailbox):
    publish(make_scheme())
    make_alert()
    alerts_send()
    assert mailbox.messages == []


def test_unconfirmed_alerts_get_nothing(mailbox):
    make_alert(confirmed=False)
    publish(make_scheme())
    alerts_send()
    assert mailbox.messages == []


def test_a_failing_smtp_server_leaves_the_queue_intact(settings):
    with smtp_server() as mailbox:
        port = mailbox.port
    use_smtp(settings, port)  # nothing listens there any more
    make_alert()
    publish(make_scheme())
    with pytest.raises(CommandError, match="stay queued"):
        call_command("send_alerts", verbosity=0)
    assert not Delivery.objects.exists()
    with smtp_server() as mailbox:
        use_smtp(settings, mailbox.port)
        call_command("send_alerts", verbosity=0)
        call_command("send_alerts", verbosity=0)
        assert len(mailbox.messages) == 1


def test_a_refused_address_does_not_stop_the_others(mailbox):
    make_alert(email="gone@example.com")
    make_alert(email="here@example.com")
    mailbox.refuse.add("gone@example.com")
    publish(make_scheme())
    report = alerts_send()
    assert [m["To"] for m in mailbox.messages] == ["here@example.com"]
    assert (report.emails, report.refused) == (1, 1)
    alerts_send()
    assert len(mailbox.messages) == 1  # the refused one is not retried for ever


def test_a_run_stopped_midway_sends_the_rest_on_the_next_run(mailbox):
    make_alert(email="first@example.com")
    make_alert(email="second@example.com")
    publish(make_scheme())
    # As if the first run died after the first e-mail: its delivery is recorded, not the other.
    alerts_send()
    Delivery.objects.filter(alert__subscriber__email="second@example.com").delete()
    mailbox.messages.clear()
    alerts_send()
    assert [m["To"] for m in mailbox.messages] == ["second@example.com"]


def test_weekly_summary_collects_a_week_of_changes(mailbox):
    make_alert(frequency="weekly")
    publish(make_scheme(name_en="One"))
    alerts_send()
    assert mailbox.messages == []
    publish(make_scheme(name_en="Two"))
    with time_machine.travel(datetime.timedelta(days=7, minutes=1)):
        alerts_send()
        alerts_send()
    [message] = mailbox.messages
    assert message["Subject"] == "Support for SMEs weekly summary: 2 updates"
    assert "One" in text_of(message) and "Two" in text_of(message)


def test_a_deleted_item_is_not_sent(mailbox):
    make_alert()
    scheme = make_scheme()
    publish(scheme)
    scheme.delete()
    alerts_send()
    assert mailbox.messages == [] and Change.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_second_sender_skips_the_alert_the_first_is_sending(mailbox):
    import threading

    from django.db import connection, connections, transaction

    from alerts.models import Alert

    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    alert = make_alert()
    publish(make_scheme())
    locked, release = threading.Event(), threading.Event()

    def first_sender():
        with transaction.atomic():
            Alert.objects.select_for_update().get(pk=alert.pk)
            locked.set()
            release.wait(10)
        connections.close_all()

    thread = threading.Thread(target=first_sender)
    thread.start()
    locked.wait(10)
    alerts_send()
    assert mailbox.messages == []  # skipped, not blocked and not sent twice
    release.set()
    thread.join()
    alerts_send()
    assert len(mailbox.messages) == 1


def test_subjects_and_text_are_plain_text_without_html_entities(mailbox):
    make_alert()
    publish(make_scheme(name_en="Buyers & Sellers' <Fund>"))
    call_command("send_alerts", verbosity=0)
    [message] = mailbox.messages
    assert message["Subject"] == "New: Buyers & Sellers' <Fund>"
    assert "Buyers & Sellers' <Fund>" in text_of(message)
    assert "&amp;" not in message["Subject"] + text_of(message)
    assert "Buyers &amp; Sellers&#x27; &lt;Fund&gt;" in html_of(message)
