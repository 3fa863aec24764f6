"""Subscribers to e-mail alerts, what they asked for, the changes to tell them and what went."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.alerts import ChangeReason

EVERYTHING = "everything"  # the home page's alert: every kind of content, no filters


class Subscriber(models.Model):
    """An e-mail address: the only personal data kept. Deleted when it unsubscribes."""

    email = models.EmailField(_("e-mail address"), unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        permissions = [
            ("view_subscriber_address", _("Can see the e-mail addresses of alert subscribers")),
        ]

    def __str__(self):
        return self.email


class Alert(models.Model):
    """One subscription: a kind of content, the finder's filters, a language and a frequency."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("As it happens")
        WEEKLY = "weekly", _("A weekly summary")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(_("kind"), max_length=20)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10)
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # Weekly summaries: changes after this moment go into the next one.
    summary_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Following one item (a scheme, or an organiser and all its schemes): empty for an alert
    # on the finder's filters.
    followed_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    followed_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")

    def __str__(self):
        follows = f" #{self.followed_id}" if self.followed_id else ""
        return f"{self.kind}{follows} ({self.language}, {self.frequency})"

    @property
    def followed(self):
        """The followed item, or None (not a follow, or the item was deleted)."""
        if self.followed_type_id is None:
            return None
        model = self.followed_type.model_class()
        return model._default_manager.filter(pk=self.followed_id).first() if model else None


class Change(models.Model):
    """A published, significantly changed or cancelled item, waiting to be told."""

    kind = models.CharField(_("kind"), max_length=20)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    reason = models.CharField(_("reason"), max_length=20)
    summary_en = models.CharField(_("summary (English)"), max_length=200, blank=True)
    summary_zh_hant = models.CharField(
        _("summary (Traditional Chinese)"), max_length=200, blank=True
    )
    # What changed in words, {"en": [[label, old, new], ...], "zh-hant": [...]}.
    details = models.JSONField(_("what changed"), default=dict, blank=True)
    # For what the calendar does (an opening, a reminder): its name, so it is told once.
    occasion = models.CharField(max_length=40, blank=True, default="")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("change to tell subscribers")
        verbose_name_plural = _("changes to tell subscribers")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "occasion"],
                condition=~models.Q(occasion=""),
                name="one_change_per_occasion",
            )
        ]

    def __str__(self):
        reason = ChangeReason.LABELS.get(self.reason, self.reason)
        item = self.item
        return f"{reason}: {item if item is not None else self.object_id}"

    @property
    def item(self):
        model = self.content_type.model_class()
        return model._default_manager.filter(pk=self.object_id).first() if model else None


class Delivery(models.Model):
    """That a change was handled for an alert: e-mailed, or refused by the recipient's server."""

    class Outcome(models.TextChoices):
        SENT = "sent", _("Sent")
        REFUSED = "refused", _("Refused by the recipient's server")
        NOT_MATCHING = "skipped", _("Did not match")

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    change = models.ForeignKey(Change, on_delete=models.CASCADE, related_name="deliveries")
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["alert", "change"], name="one_delivery_per_alert")
        ]

    def __str__(self):
        return f"{self.alert_id}/{self.change_id}: {self.outcome}"


class AccessToken(models.Model):
    """A link in an e-mail (confirm, manage, unsubscribe): a random token, shown only in that
    e-mail and kept here only as its SHA-256, so neither the link nor this table reveals the
    address, and a copy of the database cannot be used to make links."""

    class Purpose(models.TextChoices):
        CONFIRM = "confirm", _("Confirm a sign-up")
        MANAGE = "manage", _("Manage or unsubscribe")

    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    digest = models.CharField(max_length=64, unique=True)
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="tokens")
    alert = models.ForeignKey(
        Alert, on_delete=models.CASCADE, null=True, blank=True, related_name="tokens"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("link in an e-mail")
        verbose_name_plural = _("links in e-mails")

    def __str__(self):
        return f"{self.purpose} {self.pk}"
