"""Signing up, confirming, unsubscribing, recording changes and sending alerts."""

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from portal.alerts import ChangeReason, alert_source

from .emails import alert_message, confirmation_message
from .models import Alert, Change, Delivery, Subscriber
from .selectors import alert_pending_changes
from .tokens import CONFIRM_MAX_AGE, tokens_expire

logger = logging.getLogger(__name__)
WEEK = datetime.timedelta(days=7)


def change_record(*, source, item, reason: str, summary_en: str = "", summary_zh_hant: str = ""):
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
    )


def subscription_request(*, email: str, kind: str, filters: dict, language: str, frequency: str):
    """Record an unconfirmed alert and send the confirmation e-mail.

    Whether the address already subscribes changes nothing the visitor sees: they always get
    the same page, and the address always gets a confirmation e-mail.
    """
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(email=email.lower())
        wanted = {"kind": kind, "filters": filters, "language": language}
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


def alert_confirm(*, alert: Alert) -> Alert:
    """Start sending the alert; an identical confirmed alert is kept instead of a duplicate."""
    if alert.confirmed_at:
        return alert
    wanted = {"kind": alert.kind, "filters": alert.filters, "language": alert.language}
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


def alerts_cleanup(*, now: datetime.datetime) -> int:
    """Delete sign-ups never confirmed within 7 days, and addresses left with no alert."""
    deleted, _ = Alert.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - CONFIRM_MAX_AGE
    ).delete()
    Subscriber.objects.filter(alerts__isnull=True, created_at__lt=now - CONFIRM_MAX_AGE).delete()
    tokens_expire(now=now)
    return deleted


@dataclass
class SendReport:
    emails: int = 0
    refused: int = 0


def _weekly_summary_due(alert: Alert, now) -> bool:
    return (alert.summary_sent_at or alert.confirmed_at) <= now - WEEK


def _alert_send(*, alert_id: int, now, connection, report: SendReport) -> None:
    """Tell one alert its pending changes: recorded and sent in one transaction, holding the
    alert's row, so a second sender skips it and an SMTP failure records nothing."""
    with transaction.atomic():
        alert = (
            Alert.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("subscriber")
            .filter(pk=alert_id, confirmed_at__isnull=False)
            .first()
        )
        if alert is None:
            return
        weekly = alert.frequency == Alert.Frequency.WEEKLY
        if weekly and not _weekly_summary_due(alert, now):
            return
        matching, skipped = [], []
        for change in alert_pending_changes(alert=alert):
            item = change.item
            source = alert_source(change.kind)
            if item and source and source.matches(item, alert.filters, alert.language):
                matching.append((change, item))
            else:
                skipped.append(change)
        Delivery.objects.bulk_create(
            Delivery(alert=alert, change=change, outcome=Delivery.Outcome.NOT_MATCHING)
            for change in skipped
        )
        if not matching:
            return
        outcome = Delivery.Outcome.SENT
        try:
            connection.send_messages([alert_message(alert=alert, changes=matching)])
        except smtplib.SMTPRecipientsRefused:
            # The address is unknown to its server: nothing to retry. Others still get theirs.
            logger.warning("Alert %s: the recipient's server refused the address.", alert.pk)
            outcome = Delivery.Outcome.REFUSED
        Delivery.objects.bulk_create(
            Delivery(alert=alert, change=change, outcome=outcome) for change, _item in matching
        )
        if weekly:
            alert.summary_sent_at = now
            alert.save(update_fields=["summary_sent_at"])
        if outcome == Delivery.Outcome.SENT:
            report.emails += 1
        else:
            report.refused += 1


def alerts_send(*, now: datetime.datetime | None = None, connection=None) -> SendReport:
    """Send every confirmed alert what it has not been told yet; safe to stop and rerun.

    Any SMTP failure but a refused recipient stops the run with the rest left queued.
    """
    now = now or timezone.now()
    alerts_cleanup(now=now)
    report = SendReport()
    connection = connection or get_connection(fail_silently=False)
    alert_ids = Alert.objects.filter(confirmed_at__isnull=False).values_list("pk", flat=True)
    with connection:
        for alert_id in list(alert_ids):
            _alert_send(alert_id=alert_id, now=now, connection=connection, report=report)
    return report
