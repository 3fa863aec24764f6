"""The daily digest of content due for review, to the publishers (the owning team: only they
can mark an item reviewed), each in their admin language; every item at most once a week."""

import datetime
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from portal.publishing.emails import publishers
from portal.reviewdates.models import ReviewReminder
from portal.reviewdates.selectors import DueItem, due_for_review
from portal.site import absolute_url
from portal.staff import admin_language_of

logger = logging.getLogger(__name__)
REMIND_AGAIN_AFTER = datetime.timedelta(days=7)


def _reminded_lately(now: datetime.datetime) -> set[tuple[str, int]]:
    recent = ReviewReminder.objects.filter(sent_at__gt=now - REMIND_AGAIN_AFTER)
    return {
        (reminder.content_type.model_class()._meta.label_lower, reminder.object_id)
        for reminder in recent.select_related("content_type")
        if reminder.content_type.model_class() is not None
    }


def _digest(*, user, due: list[DueItem], today: datetime.date) -> EmailMessage:
    with translation.override(admin_language_of(user)):
        subject = ngettext(
            "Content to review: %(count)d item", "Content to review: %(count)d items", len(due)
        ) % {"count": len(due)}
        rows = [
            {"entry": entry, "title": str(entry.item), "url": absolute_url(entry.url)}
            for entry in due
        ]
        body = render_to_string(
            "portal/email/review_reminders.txt",
            {
                "user": user,
                "overdue": [row for row in rows if row["entry"].overdue],
                "due": [row for row in rows if not row["entry"].overdue],
                "due_by": today + datetime.timedelta(days=settings.CONTENT_REVIEW_DUE_DAYS),
                "home": absolute_url(reverse("admin:index")),
            },
        )
    return EmailMessage(subject, body, to=[user.email])


def review_reminders_send(*, now: datetime.datetime | None = None) -> tuple[int, int]:
    """E-mail each publisher the items overdue or due within CONTENT_REVIEW_DUE_DAYS that were
    in no reminder this past week. Raises what the mail server raises (nothing is recorded:
    the next run tries again). Returns (items, recipients)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    lately = _reminded_lately(now)
    due = due_for_review(today=today, within_days=settings.CONTENT_REVIEW_DUE_DAYS)
    due = [entry for entry in due if entry.key not in lately]
    recipients = list(publishers())
    if not due:
        return 0, 0
    if not recipients:
        logger.warning(
            "%d items are due for review, but no publisher has an e-mail address", len(due)
        )
        return len(due), 0
    messages = [_digest(user=user, due=due, today=today) for user in recipients]
    with transaction.atomic():
        for entry in due:
            ReviewReminder.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(entry.item),
                object_id=entry.item.pk,
                defaults={"sent_at": now},
            )
        get_connection().send_messages(messages)
    return len(due), len(recipients)
