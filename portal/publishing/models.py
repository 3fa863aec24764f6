"""What waits for a content publisher, and the steps each item went through.

Imported by `portal.models`; every row names its item by content type and id, since any
content model (schemes, events, notices, organisations, curated answers) can have them.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def staff_member_field(verbose_name) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class ItemQuerySet(models.QuerySet):
    def for_item(self, item):
        return self.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)

    def for_model(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))


class ItemRecord(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()

    objects = ItemQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.content_type.model} {self.object_id}"

    @property
    def item(self):
        """The live item, or None once it has been deleted."""
        model = self.content_type.model_class()
        return model._default_manager.filter(pk=self.object_id).first() if model else None


class PendingRevision(ItemRecord):
    """An editor's changes to a published item, kept apart from the live rows until a
    publisher publishes them: the item and its parts as `portal.publishing.snapshots` writes
    them."""

    snapshot = models.JSONField(_("changes"))
    saved_by = staff_member_field(_("saved by"))
    saved_at = models.DateTimeField(_("saved"))
    # The published version's `updated_at` when these changes were last saved: if it moved
    # since, publishing them also replaces what changed in between.
    based_on = models.DateTimeField(_("published version of"), null=True, blank=True)

    class Meta:
        verbose_name = _("change waiting for a publisher")
        verbose_name_plural = _("changes waiting for a publisher")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_pending_revision_per_item"
            )
        ]


class ReviewRequest(ItemRecord):
    """A draft or pending changes an editor marked ready for review."""

    note = models.TextField(_("note for the publisher"), max_length=1000, blank=True)
    requested_by = staff_member_field(_("marked by"))
    requested_at = models.DateTimeField(_("marked"), default=timezone.now)

    class Meta:
        verbose_name = _("request for review")
        verbose_name_plural = _("requests for review")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_review_request_per_item"
            )
        ]


class PublishingStep(ItemRecord):
    """One step of the workflow, for the item's history."""

    class Action(models.TextChoices):
        CHANGES_SAVED = "changes-saved", _("Saved changes for a publisher")
        READY = "ready-for-review", _("Marked ready for review")
        SENT_BACK = "sent-back", _("Sent back with a note")
        PUBLISHED = "published", _("Published")
        DISCARDED = "discarded", _("Discarded the changes waiting for a publisher")
        REVIEWED = "reviewed", _("Marked reviewed")

    action = models.CharField(_("step"), max_length=20, choices=Action.choices)
    user = staff_member_field(_("staff member"))
    username = models.CharField(_("username"), max_length=150, blank=True)
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("publishing step")
        verbose_name_plural = _("publishing steps")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()}"
