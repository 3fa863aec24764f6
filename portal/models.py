"""Models every section shares: publishing rules and the organisations behind content."""

import functools

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from portal.i18n.urls import reverse_by_slug
from portal.richtext import RichTextField


def last_modified_by_field() -> models.ForeignKey:
    """Who saved an item last, set by the admin; emptied if that account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last modified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )


@functools.cache
def _labels(choices: type[models.Choices]) -> dict:
    return dict(choices.choices)


def choice_label(choices: type[models.Choices], value):
    """The label of `value` among `choices` (the value itself if it is none of them), for a
    model's `get_<field>_display`: Django's builds a hashable copy of every choice on each call,
    a tenth of an event list's time."""
    return force_str(_labels(choices).get(value, value), strings_only=True)


class PublishableQuerySet(models.QuerySet):
    def published(self, now=None):
        """Published, and inside its publishing window at `now` (default: this moment)."""
        now = now or timezone.now()
        return self.filter(
            Q(publish_from__isnull=True) | Q(publish_from__lte=now),
            Q(publish_until__isnull=True) | Q(publish_until__gt=now),
            status=Publishable.Status.PUBLISHED,
        )

    def changed_since(self, moment, *, now=None, related: tuple[str, ...] = ()):
        """Items saved after `moment`, or whose publishing window opened after it (by `now`);
        `related` names relations whose own saves count too (a scheme's organisation)."""
        now = now or timezone.now()
        changed = Q(updated_at__gt=moment) | Q(publish_from__gt=moment, publish_from__lte=now)
        for relation in related:
            changed |= Q(**{f"{relation}__updated_at__gt": moment})
        return self.filter(changed).distinct() if related else self.filter(changed)

    def expired_between(self, start, end):
        """Published items whose window closed after `start` and by `end`: they left the site
        without a save."""
        return self.filter(
            status=Publishable.Status.PUBLISHED, publish_until__gt=start, publish_until__lte=end
        )


class Publishable(models.Model):
    """A content item staff draft, publish and schedule; the public sees it only when live."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    publish_from = models.DateTimeField(
        _("publish from"), null=True, blank=True, help_text=_("Leave empty to publish at once.")
    )
    publish_until = models.DateTimeField(
        _("publish until"), null=True, blank=True, help_text=_("Leave empty to keep it published.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)
    updated_by = last_modified_by_field()
    # Set by publishing and by a publisher's "Mark reviewed" (portal.reviewdates), never typed.
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True, editable=False)
    next_review = models.DateField(_("next review"), null=True, blank=True, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_live(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and (self.publish_from is None or self.publish_from <= now)
            and (self.publish_until is None or self.publish_until > now)
        )


class Organisation(Publishable):
    """A body that administers schemes or organises events (TID, HKMC Insurance, HKTB…)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    description = RichTextField(_("description"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        # The one publishing right for every kind of content; see portal.roles.
        permissions = [
            ("publish_content", _("Can publish, unpublish and delete published content")),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_by_slug("organisations:detail", self.slug)


class ConversionOverride(models.Model):
    """A term Simplified pages must show differently from plain OpenCC `hk2s`.

    E.g. 赤鱲角 kept as it is: `hk2s` turns it into a rare character many fonts lack.
    """

    traditional = models.CharField(_("Traditional Chinese term"), max_length=50, unique=True)
    simplified = models.CharField(
        _("Simplified Chinese term"),
        max_length=50,
        help_text=_("The same as the Traditional term to keep it unconverted."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)
    updated_by = last_modified_by_field()

    class Meta:
        ordering = ["traditional"]
        verbose_name = _("Simplified Chinese conversion override")
        verbose_name_plural = _("Simplified Chinese conversion overrides")

    def __str__(self):
        return f"{self.traditional} → {self.simplified}"


class AuditEntry(models.Model):
    """One thing a staff member did, or tried: read-only in the admin, pruned after a while."""

    class Action(models.TextChoices):
        SIGNED_IN = "signed-in", _("Signed in with password")
        SIGN_IN_FAILED = "sign-in-failed", _("Wrong password")
        SECOND_FACTOR_VERIFIED = "second-factor-verified", _("One-time code accepted")
        SECOND_FACTOR_FAILED = "second-factor-failed", _("Wrong one-time code")
        SECOND_FACTOR_ENROLLED = "second-factor-enrolled", _("Set up two-factor sign-in")
        SECOND_FACTOR_RESET = "second-factor-reset", _("Reset a colleague's second factor")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        DELETED = "deleted", _("Deleted")
        REVIEW_REQUESTED = "review-requested", _("Marked ready for review")
        SENT_BACK = "sent-back", _("Sent back with a note")
        CHANGES_PUBLISHED = "changes-published", _("Published changes waiting for a publisher")
        CHANGES_DISCARDED = "changes-discarded", _("Discarded changes waiting for a publisher")
        REVIEWED = "reviewed", _("Marked reviewed")

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as typed: a failed sign-in may name no account, and accounts may be removed.
    username = models.CharField(_("username"), max_length=150)
    action = models.CharField(_("action"), max_length=32, choices=Action.choices)
    target = models.CharField(_("on"), max_length=300, blank=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit record entry")
        verbose_name_plural = _("audit record")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()}"


class PassageVector(models.Model):
    """A passage's sentence embedding, computed once and shared by every worker and machine.

    Keyed by the model and the SHA-256 of the text embedded, so an edit makes a new row and
    an unchanged passage is never embedded again; rows no passage uses are pruned.
    """

    model = models.CharField(max_length=100)
    digest = models.CharField(max_length=64)
    vector = models.BinaryField()  # float16, little-endian
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "digest"], name="unique_passage_vector")
        ]

    def __str__(self):
        return f"{self.model} {self.digest[:12]}"


class ContentRemoval(models.Model):
    """A published item that left the public site: unpublished, rescheduled, renamed (its old
    slug) or deleted. Recorded by the page cache's content signals, so copies of our data
    (the open data API's `updated_since`) can remove it too."""

    model = models.CharField(_("kind"), max_length=100)  # the model's label, "schemes.Scheme"
    slug = models.CharField(_("slug"), max_length=100)
    removed_at = models.DateTimeField(_("removed at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["removed_at", "pk"]
        verbose_name = _("removed item")
        verbose_name_plural = _("removed items")

    def __str__(self):
        return f"{self.model} {self.slug}"


# The publishing workflow's, review dates' and link checks' records live in their own modules;
# imported here so Django finds them.
from portal.linkcheck.models import Link, LinkUse  # noqa: E402, F401
from portal.publishing.models import PendingRevision, PublishingStep, ReviewRequest  # noqa: E402, F401
from portal.reviewdates.models import ReviewReminder  # noqa: E402, F401
