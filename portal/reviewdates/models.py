"""When an item was last in a review reminder, so each item is in one at most once a week.

Imported by `portal.models`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.publishing.models import ItemRecord


class ReviewReminder(ItemRecord):
    sent_at = models.DateTimeField(_("last reminded"))

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_review_reminder_per_item"
            )
        ]
