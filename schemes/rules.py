"""Eligibility check content: the questions asked, their answers, and each scheme's rules.

Staff edit all of it; `schemes.eligibility` reads it to explain, per scheme, what the
answers meet or fail.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The question whose answer says which SME definition an employee count is measured against.
SECTOR_QUESTION = "sector"
MANUFACTURING = "manufacturing"
# The two answers an employee count is turned into (the Government's SME definition).
WITHIN_SME_DEFINITION = "sme"
ABOVE_SME_DEFINITION = "not-sme"


class EligibilityQuestion(models.Model):
    """One question of the eligibility check, asked of every business."""

    class Kind(models.TextChoices):
        CHOICE = "choice", _("Choose one answer")
        SEVERAL = "several", _("Choose any number of answers")
        EMPLOYEES = "employees", _("Number of employees in Hong Kong")

    key = models.SlugField(
        _("key"),
        max_length=40,
        unique=True,
        help_text=_(
            "Its name in the page address, the same in every language. Keep it once "
            "published: shared links use it."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind,
        default=Kind.CHOICE,
        help_text=_(
            "A number of employees is turned into the answer “sme” or “not-sme” by the "
            "Government's SME definition (manufacturing under 100, otherwise under 50), using "
            "the answer to the question with the key “sector”."
        ),
    )
    text = models.CharField(_("question"), max_length=300)
    hint = models.CharField(_("hint"), max_length=300, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("eligibility question")
        verbose_name_plural = _("eligibility questions")

    def __str__(self):
        return self.text


class EligibilityOption(models.Model):
    """An answer to a question; for a number of employees, the class the number falls in."""

    question = models.ForeignKey(
        EligibilityQuestion,
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="options",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    value = models.SlugField(
        _("value"), max_length=40, help_text=_("In the page address; the same in every language.")
    )
    label = models.CharField(_("answer"), max_length=200)

    class Meta:
        ordering = ["question", "order", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="unique_option_value")
        ]

    def __str__(self):
        return f"{self.question.key}: {self.label}"


class EligibilityRule(models.Model):
    """One condition of a scheme, in its own words, and the answers that meet or fail it.

    A rule without a question is a condition the check cannot ask about: it always sends the
    business to the administering body. For a question that takes several answers (needs),
    one answer that meets the rule meets it; it fails only when every answer fails it.
    """

    scheme = models.ForeignKey(
        "schemes.Scheme",
        verbose_name=_("scheme"),
        on_delete=models.CASCADE,
        related_name="eligibility_rules",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    question = models.ForeignKey(
        EligibilityQuestion,
        verbose_name=_("question"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rules",
        help_text=_("Leave empty for a condition the check cannot ask about."),
    )
    passing_options = models.ManyToManyField(
        EligibilityOption,
        verbose_name=_("answers that meet it"),
        blank=True,
        related_name="passing_rules",
    )
    failing_options = models.ManyToManyField(
        EligibilityOption,
        verbose_name=_("answers that fail it"),
        blank=True,
        related_name="failing_rules",
        help_text=_("Any other answer means “check with the administering body”."),
    )
    source_text = models.TextField(
        _("the scheme's own sentence"), help_text=_("Quoted word for word from the scheme page.")
    )
    section_anchor = models.SlugField(
        _("section"),
        max_length=60,
        blank=True,
        help_text=_("The anchor of the scheme page section the sentence comes from."),
    )

    class Meta:
        ordering = ["scheme", "order", "pk"]
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")

    def __str__(self):
        return self.source_text[:80]
