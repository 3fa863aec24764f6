"""Funding schemes, their sections and their enquiry contacts."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.i18n.urls import reverse_by_slug
from portal.models import Organisation, Publishable, PublishableQuerySet, choice_label
from portal.richtext import RichTextField

from .status import ACCEPTING_APPLICATIONS, SchemeStatus, scheme_status_q


class SupportType(models.TextChoices):
    LOAN_GUARANTEE = "loan-guarantee", _("Loan guarantee")
    FINANCING_GUARANTEE = "financing-guarantee", _("Financing guarantee")
    GRANT = "grant", _("Grant")
    REIMBURSEMENT = "reimbursement", _("Reimbursement or subsidy")
    LOAN = "loan", _("Loan")
    ADVICE = "advice", _("Advice and training")


class Applicant(models.TextChoices):
    SMES = "smes", _("Small and medium enterprises")
    HK_BUSINESSES = "hk-businesses", _("Hong Kong businesses (not listed)")
    TRAVEL_AGENTS = "travel-agents", _("Licensed travel agents")
    START_UPS = "start-ups", _("Start-ups")
    NON_PROFITS = "non-profits", _("Non-profit organisations")


class SchemeQuerySet(PublishableQuerySet):
    def with_status(self, statuses, *, today: datetime.date):
        """Schemes whose status on `today` is one of `statuses`."""
        condition = Q(pk__in=[])
        for status in statuses:
            condition |= scheme_status_q(status, today=today)
        return self.filter(condition)

    def accepting_applications(self, *, today: datetime.date):
        """Open, closing soon or rolling: what an SME can apply to now."""
        return self.with_status(ACCEPTING_APPLICATIONS, today=today)

    def open(self, today: datetime.date):
        return self.accepting_applications(today=today)

    def closed(self, today: datetime.date):
        return self.with_status([SchemeStatus.CLOSED], today=today)

    def not_yet_open(self, today: datetime.date):
        return self.with_status([SchemeStatus.NOT_YET_OPEN], today=today)

    def rolling(self, today: datetime.date):
        return self.with_status([SchemeStatus.ROLLING], today=today)


class Scheme(Publishable):
    """A government funding scheme an SME can apply to."""

    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("The same in every language.")
    )
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    name = models.CharField(_("name"), max_length=200)
    summary = models.TextField(_("summary"), help_text=_("One paragraph, plain text."))
    website = models.URLField(_("official website"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("administered by"),
        on_delete=models.PROTECT,
        related_name="schemes",
    )
    organisation_note = models.CharField(
        _("note on the administering body"),
        max_length=300,
        blank=True,
        help_text=_("Shown after its name, e.g. “a wholly owned subsidiary of …”."),
    )
    support_type = models.CharField(_("type of support"), max_length=30, choices=SupportType)
    applicant = models.CharField(_("who can apply"), max_length=30, choices=Applicant)
    max_funding_hkd = models.PositiveBigIntegerField(
        _("maximum funding (HKD)"), null=True, blank=True
    )
    max_funding_note = models.CharField(
        _("note on the maximum funding"),
        max_length=200,
        blank=True,
        help_text=_("What the amount is, e.g. “per application”."),
    )
    funding_share = models.CharField(
        _("guarantee ratio or funding share"),
        max_length=300,
        blank=True,
        help_text=_("Where it applies, e.g. the share of a loan guaranteed. Shown when comparing."),
    )
    fees = models.CharField(
        _("fees"),
        max_length=300,
        blank=True,
        help_text=_("What the applicant pays, if the scheme says. Shown when comparing."),
    )
    how_to_apply = models.CharField(
        _("how to apply"),
        max_length=300,
        blank=True,
        help_text=_("One sentence, e.g. “Through a participating lending institution”."),
    )
    opens_on = models.DateField(
        _("applications open"), null=True, blank=True, help_text=_("Empty if always open.")
    )
    closes_on = models.DateField(
        _("applications close"), null=True, blank=True, help_text=_("Empty for rolling schemes.")
    )
    information_as_at = models.DateField(_("information as at"))
    # Derived by services.scheme_refresh_search; search keys, not for display.
    search_en = models.TextField(editable=False, blank=True, default="")
    search_zh = models.TextField(editable=False, blank=True, default="")

    objects = SchemeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("funding scheme")
        verbose_name_plural = _("funding schemes")

    def __str__(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("Applications cannot close before they open.")})

    def get_absolute_url(self):
        return reverse_by_slug("schemes:detail", self.slug)

    def get_applicant_display(self):  # shown on every card of the finder
        return choice_label(Applicant, self.applicant)


class SchemeSection(models.Model):
    """A titled part of a scheme page (Objective, Eligibility…), in the order staff set."""

    scheme = models.ForeignKey(
        Scheme, verbose_name=_("scheme"), on_delete=models.CASCADE, related_name="sections"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    anchor = models.SlugField(
        _("anchor"),
        max_length=60,
        help_text=_("The #fragment linking to this section; the same in every language."),
    )
    heading = models.CharField(_("heading"), max_length=200)
    body = RichTextField(_("body"), blank=True)

    class Meta:
        ordering = ["scheme", "order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(fields=["scheme", "anchor"], name="unique_section_anchor")
        ]

    def __str__(self):
        return self.heading


class SchemeContact(models.Model):
    """One enquiry telephone number, fax number or e-mail address of a scheme."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Telephone")
        FAX = "fax", _("Fax")
        EMAIL = "email", _("E-mail")

    scheme = models.ForeignKey(
        Scheme, verbose_name=_("scheme"), on_delete=models.CASCADE, related_name="contacts"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    value = models.CharField(
        _("number or address"), max_length=254, help_text=_("One number or address only.")
    )

    class Meta:
        ordering = ["scheme", "order", "pk"]
        verbose_name = _("enquiry contact")
        verbose_name_plural = _("enquiry contacts")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def clean(self):
        if self.kind == self.Kind.EMAIL:
            validate_email(self.value)
        elif self.kind in (self.Kind.PHONE, self.Kind.FAX) and not self.dialable:
            raise ValidationError({"value": _("Enter a telephone number, e.g. 2398 5129.")})

    @property
    def dialable(self) -> str:
        """The number as a `tel:` link wants it: digits and a leading +."""
        value = self.value.strip()
        digits = "".join(char for char in value if char.isdigit())
        return ("+" + digits if value.startswith("+") else digits) if len(digits) >= 8 else ""


# Eligibility questions and rules live in their own module; imported here so Django finds them.
from .rules import EligibilityOption, EligibilityQuestion, EligibilityRule  # noqa: E402, F401
