"""Each outside link's last result, and the published items that use it.

Imported by `portal.models`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.publishing.models import ItemRecord


class Link(models.Model):
    class Problem(models.TextChoices):
        HTTP = "http", _("Error page")
        TIMEOUT = "timeout", _("No answer in time")
        CONNECTION = "connection", _("Could not connect")
        REDIRECTS = "redirects", _("Too many redirects")
        INVALID = "invalid", _("Not a valid address")

    url = models.URLField(_("address"), max_length=2000, unique=True)
    checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    problem = models.CharField(_("problem"), max_length=12, choices=Problem.choices, blank=True)
    # Each redirect followed, in order: {"status": 301, "url": where it pointed}.
    redirects = models.JSONField(_("redirects"), default=list, blank=True)
    final_url = models.URLField(_("ends at"), max_length=2000, blank=True)
    broken_since = models.DateTimeField(_("broken since"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = [models.F("broken_since").desc(nulls_last=True), "url"]
        verbose_name = _("outside link")
        verbose_name_plural = _("outside links")

    def __str__(self):
        return self.url

    @property
    def broken(self) -> bool:
        return self.broken_since is not None


class LinkUse(ItemRecord):
    """A published item links to `link` in one of its fields, or in a field of one of its parts
    (a scheme's section): `record` names the model and id of the row, `field` its column."""

    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="uses")
    record = models.CharField(_("row"), max_length=120)  # "schemes.schemesection:12"
    field = models.CharField(_("field"), max_length=100)  # "body_en"

    class Meta:
        verbose_name = _("use of an outside link")
        verbose_name_plural = _("uses of outside links")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.link} ({self.record} {self.field})"
