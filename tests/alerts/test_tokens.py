"""Links in alert e-mails are opaque random tokens stored hashed: no address in any URL or log,
and links sent before (signed, with the address inside) keep working."""

import base64
import logging

import pytest
from django.core import signing

from alerts.models import AccessToken, Subscriber
from alerts.tokens import manage_token, token_digest
from tests.alerts.factories import make_alert
from tests.alerts.test_subscribing import link_in, subscribe

pytestmark = pytest.mark.django_db
EMAIL = "chan.tai.man@example.com"


def readable(token: str) -> str:
    """Whatever a token says when decoded as base64, as the probe decoded the old ones."""
    padded = token.split(":")[0] + "=" * (-len(token) % 4)
    try:
        return base64.urlsafe_b64decode(padded).decode("latin-1")
    except ValueError:
        return ""


def test_links_in_e_mails_carry_no_address_and_are_stored_only_hashed(client, mailbox):
    subscribe(client, email=EMAIL)
    confirm = link_in(mailbox.messages[0], "confirm")
    confirmed = client.post(confirm).content.decode()
    manage = confirmed.split('href="/en/alerts/manage/')[1].split('"')[0]
    for token in (confirm.split("/")[-2], manage.rstrip("/")):
        assert "chan" not in token and "chan" not in readable(token)
        assert "email" not in readable(token)
        assert len(token) >= 40
        assert not AccessToken.objects.filter(digest=token).exists()
        assert AccessToken.objects.filter(digest=token_digest(token)).exists()


def test_alert_links_are_not_written_to_the_log(client, mailbox, caplog):
    subscribe(client, email=EMAIL)
    confirm = link_in(mailbox.messages[0], "confirm")
    token = confirm.split("/")[-2]
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        client.get(confirm)
        client.post(confirm)
    lines = [r.getMessage() for r in caplog.records if "confirm" in r.getMessage()]
    assert len(lines) == 2
    assert all(token not in line and "/en/alerts/confirm/.../" in line for line in lines)


def test_a_made_up_or_other_purpose_token_opens_nothing(client):
    alert = make_alert()
    token = manage_token(alert.subscriber)
    assert client.get(f"/en/alerts/confirm/{token}/").status_code == 400
    assert client.get("/en/alerts/manage/made-up-token-made-up-token-made-up/").status_code == 404


def test_deleting_the_address_ends_its_links(client):
    alert = make_alert()
    token = manage_token(alert.subscriber)
    assert client.post(f"/en/alerts/unsubscribe/{token}/").status_code == 200
    assert not Subscriber.objects.exists() and not AccessToken.objects.exists()
    assert client.get(f"/en/alerts/manage/{token}/").status_code == 404


def test_links_sent_before_tokens_were_opaque_lead_to_an_opaque_link(client):
    alert = make_alert(email=EMAIL)
    legacy = signing.dumps(
        {"subscriber": alert.subscriber.pk, "email": EMAIL}, salt="alerts.manage"
    )
    for route in ("manage", "unsubscribe"):
        response = client.get(f"/en/alerts/{route}/{legacy}/")
        assert response.status_code == 302
        assert EMAIL not in response["Location"]
        assert client.get(response["Location"]).status_code == 200
    # Mail programs' one-click unsubscribe posts to the old link itself.
    assert client.post(f"/en/alerts/unsubscribe/{legacy}/").status_code == 200
    assert not Subscriber.objects.exists()


def test_unconfirmed_links_sent_before_still_confirm_within_seven_days(client):
    alert = make_alert(email=EMAIL, confirmed=False)
    legacy = signing.dumps({"alert": alert.pk, "email": EMAIL}, salt="alerts.confirm")
    response = client.get(f"/en/alerts/confirm/{legacy}/")
    assert response.status_code == 302
    client.post(response["Location"])
    alert.refresh_from_db()
    assert alert.confirmed_at is not None
