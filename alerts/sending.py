"""Sending: today's openings and reminders recorded, then each address told what is pending for
its alerts and follows, grouped, exactly once (see `alerts_send`)."""

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from portal.alerts import ChangeReason, alert_source, alert_sources

from .emails import alert_message
from .models import Alert, Change, Delivery, Subscriber
from .selectors import alert_pending_changes
from .services import alerts_cleanup

logger = logging.getLogger(__name__)
WEEK = datetime.timedelta(days=7)


def timed_changes_record(*, today: datetime.date) -> int:
    """Record the openings and closing reminders the calendar brings today, each once, even
    with two senders running at the same time (a unique occasion per item)."""
    recorded = 0
    for source in alert_sources():
        if source.timed_changes is None:
            continue
        for timed in source.timed_changes(today):
            if not _followed(source, timed.item):
                continue  # nobody to tell: recorded only when someone follows
            content_type = ContentType.objects.get_for_model(timed.item)
            found = {
                "content_type": content_type,
                "object_id": timed.item.pk,
                "occasion": timed.occasion,
            }
            if Change.objects.filter(**found).exists():
                continue
            try:
                with transaction.atomic():
                    Change.objects.create(kind=source.kind, reason=timed.reason, **found)
                recorded += 1
            except IntegrityError:  # the other sender recorded it first
                continue
    return recorded


def _followed(source, item) -> bool:
    """Whether a confirmed follow covers `item` (itself, or its organiser)."""
    covering = Q()
    for followed in source.followed_through(item):
        content_type = ContentType.objects.get_for_model(followed)
        covering |= Q(followed_type=content_type, followed_id=followed.pk)
    return Alert.objects.filter(covering, confirmed_at__isnull=False).exists()


@dataclass
class SendReport:
    emails: int = 0
    refused: int = 0


def _weekly_summary_due(alert: Alert, now) -> bool:
    return (alert.summary_sent_at or alert.confirmed_at) <= now - WEEK


def _follows(alert: Alert, source, item) -> bool:
    """Whether `item` is the followed one, or belongs to it (a scheme of a followed organiser)."""
    return any(
        ContentType.objects.get_for_model(covering).pk == alert.followed_type_id
        and covering.pk == alert.followed_id
        for covering in source.followed_through(item)
    )


def alert_wants(alert: Alert, change: Change, item) -> bool:
    """A follower hears everything about what it follows; an alert on filters hears of new,
    significantly changed and cancelled items its filters select."""
    source = alert_source(change.kind)
    if item is None or source is None:
        return False
    if alert.followed_type_id is not None:
        return _follows(alert, source, item)
    return change.reason in ChangeReason.FOR_FILTERS and source.matches(
        item, alert.filters, alert.language
    )


def _alert_matching(alert: Alert) -> list:
    """The alert's pending changes it wants, as [(change, item)]; the rest marked skipped."""
    matching, skipped = [], []
    for change in alert_pending_changes(alert=alert):
        item = change.item
        if alert_wants(alert, change, item):
            matching.append((change, item))
        else:
            skipped.append(change)
    Delivery.objects.bulk_create(
        Delivery(alert=alert, change=change, outcome=Delivery.Outcome.NOT_MATCHING)
        for change in skipped
    )
    return matching


def _subscriber_send(*, subscriber_id: int, now, connection, report: SendReport) -> None:
    """Tell one address everything pending for its alerts and follows, grouped: one e-mail of
    what is new (per language), and one weekly summary when due. Recorded and sent in one
    transaction holding the address's and alerts' rows, so a second sender skips them and an
    SMTP failure records nothing."""
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update(skip_locked=True).filter(pk=subscriber_id).first()
        )
        if subscriber is None:
            return
        alerts = subscriber.alerts.select_for_update(skip_locked=True, of=("self",)).filter(
            confirmed_at__isnull=False
        )
        groups: dict[tuple[bool, str], list] = {}
        for alert in alerts:
            weekly = alert.frequency == Alert.Frequency.WEEKLY
            if weekly and not _weekly_summary_due(alert, now):
                continue
            matching = _alert_matching(alert)
            if matching:
                groups.setdefault((weekly, alert.language), []).append((alert, matching))
        for (weekly, _language), group in groups.items():
            outcome = _group_send(subscriber, group, weekly=weekly, now=now, connection=connection)
            if outcome == Delivery.Outcome.SENT:
                report.emails += 1
            else:
                report.refused += 1


def _group_send(subscriber, group: list, *, weekly: bool, now, connection) -> str:
    outcome = Delivery.Outcome.SENT
    try:
        connection.send_messages([alert_message(subscriber=subscriber, group=group)])
    except smtplib.SMTPRecipientsRefused:
        # The address is unknown to its server: nothing to retry. Others still get theirs.
        logger.warning("Subscriber %s: the recipient's server refused the address.", subscriber.pk)
        outcome = Delivery.Outcome.REFUSED
    Delivery.objects.bulk_create(
        Delivery(alert=alert, change=change, outcome=outcome)
        for alert, matching in group
        for change, _item in matching
    )
    if weekly:
        for alert, _matching in group:
            alert.summary_sent_at = now
            alert.save(update_fields=["summary_sent_at"])
    return outcome


def alerts_send(*, now: datetime.datetime | None = None, connection=None) -> SendReport:
    """Send every confirmed alert and follow what it has not been told yet, after recording
    today's openings and closing reminders; safe to stop, to rerun and to run twice at once.

    Any SMTP failure but a refused recipient stops the run with the rest left queued.
    """
    now = now or timezone.now()
    alerts_cleanup(now=now)
    timed_changes_record(today=timezone.localdate(now))
    report = SendReport()
    connection = connection or get_connection(fail_silently=False)
    subscriber_ids = (
        Alert.objects.filter(confirmed_at__isnull=False)
        .values_list("subscriber", flat=True)
        .distinct()
    )
    with connection:
        for subscriber_id in sorted(set(subscriber_ids)):
            _subscriber_send(
                subscriber_id=subscriber_id, now=now, connection=connection, report=report
            )
    return report
