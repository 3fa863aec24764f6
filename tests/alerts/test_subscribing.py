"""Signing up, confirming, managing and unsubscribing, against a real loopback SMTP server."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from alerts.models import Alert, Subscriber
from tests.alerts.factories import make_alert
from tests.alerts.smtp import text_of

pytestmark = pytest.mark.django_db
FINDER_QUERY = "?kind=schemes&type=grant&q=export&sort=name"


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()


def link_in(message, name: str) -> str:
    pattern = rf"https://sme\.example\.gov\.hk(/\w\w/alerts/{name}/[^/\s]+/)"
    return re.search(pattern, text_of(message))[1]


def subscribe(client, email="owner@example.com", prefix="en", query=FINDER_QUERY, **data):
    return client.post(
        f"/{prefix}/alerts/subscribe/{query}",
        {"email": email, "frequency": "immediate", **data},
    )


def test_subscribe_page_shows_the_finder_filters_and_is_never_cached(client):
    response = client.get(f"/en/alerts/subscribe/{FINDER_QUERY}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Type of support: Grant" in html
    assert "Search schemes: export" in html
    assert "csrfmiddlewaretoken" in html
    assert "no-cache" in response["Cache-Control"]
    assert "Privacy Policy" in html and "7 days" in html


def test_unknown_kind_is_not_found(client):
    assert client.get("/en/alerts/subscribe/?kind=nothing").status_code == 404


def test_signing_up_sends_only_a_confirmation_in_the_page_language(client, mailbox):
    response = subscribe(client, prefix="tc")
    assert response.status_code == 302
    assert response["Location"] == "/tc/alerts/check-your-email/"
    [message] = mailbox.messages
    assert message["To"] == "owner@example.com"
    assert "確認" in message["Subject"]
    assert link_in(message, "confirm").startswith("/tc/")
    alert = Alert.objects.get()
    assert alert.confirmed_at is None
    assert alert.filters == {"type": ["grant"], "q": ["export"]}
    assert alert.language == "zh-hant"


def test_simplified_confirmation_is_converted_from_traditional(client, mailbox):
    subscribe(client, prefix="sc")
    [message] = mailbox.messages
    assert "确认" in message["Subject"]
    assert "確認" not in text_of(message)
    assert link_in(message, "confirm").startswith("/sc/")


def test_the_same_page_whether_or_not_the_address_already_subscribes(client, mailbox):
    make_alert(email="owner@example.com", filters={"type": ["grant"], "q": ["export"]})
    known = subscribe(client, email="owner@example.com")
    unknown = subscribe(client, email="new@example.com")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mailbox.messages) == 2


def test_invalid_address_gets_a_clear_message_and_no_mail(client, mailbox):
    response = subscribe(client, email="not an address")
    assert response.status_code == 400
    assert "Enter an e-mail address in the right format" in response.content.decode()
    assert mailbox.messages == []


def test_header_injection_is_refused(client, mailbox):
    response = subscribe(client, email="owner@example.com\nBcc: victim@example.com")
    assert response.status_code == 400
    assert mailbox.messages == [] and not Subscriber.objects.exists()


def test_sign_up_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    assert subscribe(client).status_code == 403


def test_sign_ups_are_rate_limited_per_client(client, mailbox, settings):
    settings.ALERT_SIGNUPS_PER_HOUR = 2
    assert subscribe(client, email="a@example.com").status_code == 302
    assert subscribe(client, email="b@example.com").status_code == 302
    response = subscribe(client, email="c@example.com")
    assert response.status_code == 429
    assert "Too many sign-ups" in response.content.decode()
    other = Client(REMOTE_ADDR="192.0.2.9")
    assert subscribe(other, email="d@example.com").status_code == 302


def test_confirming_starts_the_alert(client, mailbox):
    subscribe(client)
    path = link_in(mailbox.messages[0], "confirm")
    assert client.get(path).status_code == 200
    assert Alert.objects.get().confirmed_at is None  # a link scanner's GET confirms nothing
    response = client.post(path)
    assert response.status_code == 200
    assert Alert.objects.get().confirmed_at is not None


def test_confirmation_link_expires_after_seven_days(client, mailbox):
    subscribe(client)
    path = link_in(mailbox.messages[0], "confirm")
    with time_machine.travel(datetime.timedelta(days=7, minutes=1)):
        assert client.post(path).status_code == 400
    assert Alert.objects.get().confirmed_at is None


def test_confirming_twice_the_same_alert_keeps_one(client, mailbox):
    subscribe(client)
    subscribe(client, frequency="weekly")
    client.post(link_in(mailbox.messages[0], "confirm"))
    subscribe(client)
    client.post(link_in(mailbox.messages[-1], "confirm"))
    assert Alert.objects.count() == 1


def test_manage_page_changes_frequency_and_stops_an_alert(client):
    from alerts.tokens import manage_token

    alert = make_alert()
    other = make_alert(kind="events")
    url = f"/en/alerts/manage/{manage_token(alert.subscriber)}/"
    response = client.get(url)
    assert response.status_code == 200 and "owner@example.com" in response.content.decode()
    client.post(url, {"alert": alert.pk, "action": "frequency", "frequency": "weekly"})
    assert Alert.objects.get(pk=alert.pk).frequency == "weekly"
    client.post(url, {"alert": other.pk, "action": "delete"})
    assert list(Alert.objects.all()) == [alert]


def test_manage_link_cannot_be_forged(client):
    make_alert()
    assert client.get("/en/alerts/manage/forged:token/").status_code == 404


def test_one_click_unsubscribe_deletes_the_address_without_csrf(mailbox):
    from alerts.tokens import manage_token

    alert = make_alert()
    client = Client(enforce_csrf_checks=True)
    url = f"/en/alerts/unsubscribe/{manage_token(alert.subscriber)}/"
    assert client.get(url).status_code == 200
    assert Subscriber.objects.exists()  # GET only asks
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists() and not Alert.objects.exists()


def test_unconfirmed_sign_ups_are_deleted_after_seven_days(mailbox):
    from django.core.management import call_command

    make_alert(confirmed=False, email="late@example.com")
    make_alert(email="kept@example.com")
    with time_machine.travel(datetime.timedelta(days=7, hours=1)):
        call_command("send_alerts", verbosity=0)
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["kept@example.com"]


@pytest.mark.parametrize("prefix", ["en", "tc", "sc"])
def test_public_pages_link_to_the_sign_up_page_with_no_csrf_token(client, prefix):
    finder = client.get(f"/{prefix}/schemes/?type=grant&q=export").content.decode()
    assert "/alerts/subscribe/?kind=schemes&amp;type=grant&amp;q=export" in finder
    events = client.get(f"/{prefix}/events/").content.decode()
    assert "/alerts/subscribe/?kind=events" in events
    home = client.get(f"/{prefix}/").content.decode()
    assert f'href="/{prefix}/alerts/subscribe/"' in home
    assert "csrfmiddlewaretoken" not in finder + events + home


@pytest.mark.parametrize(
    "email",
    ["a@localhost", "a@[127.0.0.1]", "a@[IPv6:::1]", "a@intranet", "a@printer.local",
     "a@mail.example", "a@host.internal", "a@localhost."],
)  # fmt: skip
def test_addresses_no_internet_mail_reaches_are_refused(client, mailbox, email):
    response = subscribe(client, email=email)
    assert response.status_code == 400
    page = response.content.decode()
    assert "receive e-mail from the internet" in page or "in the right format" in page
    assert mailbox.messages == []
    assert not Subscriber.objects.exists()
