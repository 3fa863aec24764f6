"""Links in alert e-mails: opaque random tokens, stored hashed (alerts.models.AccessToken).

Nobody needs an account, nobody can guess another's link, and no link carries the address:
links are written to access logs and browser histories. A confirmation link works for 7 days;
a manage or unsubscribe link for MANAGE_MAX_AGE (each e-mail carries a new one).

Links sent before tokens were opaque (signed, with the address inside) still work: they lead
to a fresh opaque link (see `legacy_subscriber`, `legacy_alert`).
"""

import datetime
import hashlib
import secrets

from django.core import signing
from django.utils import timezone

from .models import AccessToken, Alert, Subscriber

CONFIRM_MAX_AGE = datetime.timedelta(days=7)
MANAGE_MAX_AGE = datetime.timedelta(days=400)  # a year of e-mails, and a little more
LEGACY_CONFIRM_SALT = "alerts.confirm"
LEGACY_MANAGE_SALT = "alerts.manage"
PREVIEW_TOKEN = "preview"  # noqa: S105 (no secret: a link in an admin preview)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _issue(*, purpose: str, subscriber: Subscriber, alert: Alert | None = None) -> str:
    if subscriber._state.adding:  # an e-mail previewed in the admin: nobody to link to
        return PREVIEW_TOKEN
    token = secrets.token_urlsafe(32)
    AccessToken.objects.create(
        purpose=purpose, digest=token_digest(token), subscriber=subscriber, alert=alert
    )
    return token


def _found(token: str, purpose: str, max_age: datetime.timedelta) -> AccessToken | None:
    return (
        AccessToken.objects.filter(
            digest=token_digest(token),
            purpose=purpose,
            created_at__gte=timezone.now() - max_age,
        )
        .select_related("subscriber", "alert")
        .first()
    )


def confirm_token(alert: Alert) -> str:
    return _issue(purpose=AccessToken.Purpose.CONFIRM, subscriber=alert.subscriber, alert=alert)


def confirm_token_alert(token: str) -> Alert | None:
    """The alert a confirmation link is for, or None when it is unknown or over 7 days old."""
    found = _found(token, AccessToken.Purpose.CONFIRM, CONFIRM_MAX_AGE)
    return found.alert if found else None


def manage_token(subscriber: Subscriber) -> str:
    return _issue(purpose=AccessToken.Purpose.MANAGE, subscriber=subscriber)


def manage_token_subscriber(token: str) -> Subscriber | None:
    found = _found(token, AccessToken.Purpose.MANAGE, MANAGE_MAX_AGE)
    return found.subscriber if found else None


def tokens_expire(*, now: datetime.datetime) -> int:
    """Delete links past their age: a confirmation after 7 days, a manage link after 400."""
    deleted, _ = AccessToken.objects.filter(
        purpose=AccessToken.Purpose.CONFIRM, created_at__lt=now - CONFIRM_MAX_AGE
    ).delete()
    expired, _ = AccessToken.objects.filter(
        purpose=AccessToken.Purpose.MANAGE, created_at__lt=now - MANAGE_MAX_AGE
    ).delete()
    return deleted + expired


def legacy_subscriber(token: str) -> Subscriber | None:
    """The subscriber of a signed manage link sent before links were opaque."""
    try:
        data = signing.loads(token, salt=LEGACY_MANAGE_SALT)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(pk=data.get("subscriber"), email=data.get("email")).first()


def legacy_alert(token: str) -> Alert | None:
    """The alert of a signed confirmation link sent before links were opaque (7 days)."""
    try:
        data = signing.loads(token, salt=LEGACY_CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    alerts = Alert.objects.filter(pk=data.get("alert"), subscriber__email=data.get("email"))
    return alerts.select_related("subscriber").first()
