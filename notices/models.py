"""TID's legal and policy statements: the Important Notices and the statements beside them."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Publishable, PublishableQuerySet
from portal.richtext import RichTextField


class NoticeQuerySet(PublishableQuerySet):
    def main(self):
        return self.filter(slug=Notice.MAIN_SLUG)

    def statements(self):
        """Every notice but the main one, which is the Important Notices page itself."""
        return self.exclude(slug=Notice.MAIN_SLUG)


class Notice(Publishable):
    """One statement. Contact details and links are fields, not text, so that a blank one
    shows nothing rather than a label with nothing after it."""

    # The footer links to these by slug (it must render without the database).
    MAIN_SLUG = "important-notices"

    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("The notice's web address. Links on every page use it: do not change it."),
    )
    title = models.CharField(_("title"), max_length=200)
    body = RichTextField(_("text"))
    link_url = models.URLField(
        _("link"),
        max_length=300,
        blank=True,
        help_text=_("A web page the text refers readers to, shown after the text."),
    )
    enquiry_phone = models.CharField(_("enquiry telephone number"), max_length=40, blank=True)
    enquiry_email = models.EmailField(_("enquiry e-mail address"), blank=True)
    closing_text = RichTextField(
        _("text after the enquiry details"),
        blank=True,
        help_text=_("Shown after the telephone number and e-mail address."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    last_revised = models.DateField(
        _("last revised"),
        default=timezone.localdate,
        help_text=_("Set to today when the text of a published notice changes."),
    )

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.slug == self.MAIN_SLUG:
            return reverse("notices:list")
        return reverse("notices:detail", kwargs={"slug": self.slug})
