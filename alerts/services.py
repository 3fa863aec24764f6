"""Signing up, confirming, unsubscribing and recording changes (sending: alerts.sending)."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from portal.alerts import ChangeReason

from .emails import confirmation_message
from .models import Alert, Change, Subscriber
from .tokens import CONFIRM_MAX_AGE, tokens_expire


def change_record(
    *,
    source,
    item,
    reason: str,
    summary_en: str = "",
    summary_zh_hant: str = "",
    details: dict | None = None,
):
    """Called through portal.alerts when staff publish, significantly change or cancel.

    An event is cancelled once as far as subscribers know: cancelled again after being
    rescheduled, it tells nobody twice."""
    content_type = ContentType.objects.get_for_model(item)
    if (
        reason == ChangeReason.CANCELLED
        and Change.objects.filter(
            content_type=content_type, object_id=item.pk, reason=reason
        ).exists()
    ):
        return None
    return Change.objects.create(
        kind=source.kind,
        content_type=content_type,
        object_id=item.pk,
        reason=reason,
        summary_en=" ".join(summary_en.split()),
        summary_zh_hant=" ".join(summary_zh_hant.split()),
        details=details or {},
    )


def _followed_fields(followed) -> dict:
    if followed is None:
        return {"followed_type": None, "followed_id": None}
    return {
        "followed_type": ContentType.objects.get_for_model(followed),
        "followed_id": followed.pk,
    }


def subscription_request(
    *,
    email: str,
    kind: str,
    filters: dict,
    language: str,
    frequency: str,
    followed=None,
):
    """Record an unconfirmed alert (or follow of `followed`) and send the confirmation e-mail.

    Whether the address already subscribes changes nothing the visitor sees: they always get
    the same page, and the address always gets a confirmation e-mail.
    """
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(email=email.lower())
        wanted = {"kind": kind, "filters": filters, "language": language}
        wanted.update(_followed_fields(followed))
        alert = next(
            (a for a in subscriber.alerts.filter(confirmed_at=None) if _same_alert(a, wanted)),
            None,
        ) or Alert.objects.create(subscriber=subscriber, frequency=frequency, **wanted)
        if alert.frequency != frequency:
            alert_set_frequency(alert=alert, frequency=frequency)
    confirmation_message(alert=alert).send()
    return alert


def _same_alert(alert: Alert, wanted: dict) -> bool:
    return all(getattr(alert, name) == value for name, value in wanted.items())


def _wanted(alert: Alert) -> dict:
    return {
        "kind": alert.kind,
        "filters": alert.filters,
        "language": alert.language,
        "followed_type_id": alert.followed_type_id,
        "followed_id": alert.followed_id,
    }


def alert_confirm(*, alert: Alert) -> Alert:
    """Start sending the alert; an identical confirmed alert is kept instead of a duplicate."""
    if alert.confirmed_at:
        return alert
    wanted = _wanted(alert)
    confirmed = alert.subscriber.alerts.filter(confirmed_at__isnull=False)
    existing = next((a for a in confirmed if _same_alert(a, wanted)), None)
    if existing:
        existing.frequency = alert.frequency
        existing.save(update_fields=["frequency"])
        alert.delete()
        return existing
    alert.confirmed_at = timezone.now()
    alert.save(update_fields=["confirmed_at"])
    return alert


def subscriber_delete(*, subscriber: Subscriber) -> None:
    """Unsubscribing deletes the address and everything recorded about it."""
    subscriber.delete()


def alert_delete(*, alert: Alert) -> None:
    subscriber = alert.subscriber
    alert.delete()
    if not subscriber.alerts.exists():
        subscriber.delete()


def alert_set_frequency(*, alert: Alert, frequency: str) -> None:
    alert.frequency = frequency
    alert.save(update_fields=["frequency"])


def _follows_of_deleted_items_delete() -> int:
    deleted = 0
    follows = Alert.objects.filter(followed_type__isnull=False)
    for content_type in ContentType.objects.filter(pk__in=follows.values("followed_type")):
        model = content_type.model_class()
        existing = model._default_manager.values("pk") if model else []
        gone = follows.filter(followed_type=content_type).exclude(followed_id__in=existing)
        deleted += gone.delete()[0]
    return deleted


def alerts_cleanup(*, now: datetime.datetime) -> int:
    """Delete sign-ups never confirmed within 7 days, follows of items deleted from the site,
    and addresses left with no alert."""
    deleted, _ = Alert.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - CONFIRM_MAX_AGE
    ).delete()
    deleted += _follows_of_deleted_items_delete()
    Subscriber.objects.filter(alerts__isnull=True, created_at__lt=now - CONFIRM_MAX_AGE).delete()
    tokens_expire(now=now)
    return deleted
