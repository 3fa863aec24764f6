"""The assistant's curated answers, the words it knows and the questions kept for staff."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Publishable
from portal.richtext import RichTextField


class CuratedAnswer(Publishable):
    """A question staff answer themselves, with the other ways people ask it."""

    question = models.CharField(_("question"), max_length=300)
    phrasings = models.TextField(
        _("other ways people ask"), blank=True, help_text=_("One question a line.")
    )
    answer = RichTextField(_("answer"), help_text=_("Short: two or three sentences."))
    links = models.TextField(
        _("links to our pages"),
        help_text=_(
            "One address a line, without the language, e.g. schemes/sme-export-marketing-fund/"
            "#eligibility. The first is the page that answers best."
        ),
    )

    class Meta:
        ordering = ["question"]
        verbose_name = _("curated answer")
        verbose_name_plural = _("curated answers")

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("assistant:answer", kwargs={"pk": self.pk})

    @property
    def link_paths(self) -> list[str]:
        return [line.strip().lstrip("/") for line in self.links.splitlines() if line.strip()]


class SynonymGroup(models.Model):
    """Words or abbreviations that mean the same to visitors: trade fair, exhibition."""

    terms = models.TextField(
        _("terms"), help_text=_("One term a line, in any language, e.g. 展覽 and 展銷.")
    )
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonyms and abbreviations")

    def __str__(self):
        return " = ".join(self.term_list)

    @property
    def term_list(self) -> list[str]:
        return [line.strip() for line in self.terms.splitlines() if line.strip()]


NUMBER_PLACEHOLDER = "…"


class ColloquialPhrase(models.Model):
    """How owners write a phrase (colloquial Cantonese, shorthand) and its written form, which
    questions are read as before matching: 有冇 is read as 有沒有, 幾耐 as 多久."""

    spoken = models.CharField(
        _("as visitors write it"),
        max_length=50,
        unique=True,
        help_text=_("e.g. 有冇, 幾耐 or pls. “…” stands for a number: 得…個人."),
    )
    written = models.CharField(
        _("read as"),
        max_length=50,
        blank=True,
        help_text=_("The written form, e.g. 有沒有; “…” puts the number back. Empty: ignored."),
    )
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        ordering = ["spoken"]
        verbose_name = _("colloquial phrase")
        verbose_name_plural = _("colloquial phrases")

    def __str__(self):
        return f"{self.spoken} → {self.written}"

    def clean(self):
        spoken, written = (self.spoken or "").strip(), (self.written or "").strip()
        if not spoken or spoken == NUMBER_PLACEHOLDER:
            raise ValidationError({"spoken": _("Please type the words visitors use.")})
        if spoken.count(NUMBER_PLACEHOLDER) > 1:
            raise ValidationError({"spoken": _("Use “…” at most once.")})
        if NUMBER_PLACEHOLDER in written and NUMBER_PLACEHOLDER not in spoken:
            raise ValidationError(
                {"written": _("“…” can only put back a number the spoken form has.")}
            )
        self.spoken, self.written = spoken, written


class LoggedQuestion(models.Model):
    """A question without a good answer, or whose answer a visitor found unhelpful.

    Kept only after personal data was refused; no address, cookie or session is stored. The
    same question (same words, language, outcome and answer) is one row with a count. Deleted
    90 days after it was last asked by `manage.py assistant_purge_questions`.
    """

    class Outcome(models.TextChoices):
        NO_MATCH = "no-match", _("No good answer")
        UNHELPFUL = "unhelpful", _("Marked not helpful")

    text = models.CharField(_("question"), max_length=500)
    language = models.CharField(_("language"), max_length=10)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome)
    answered_with = models.CharField(_("answer shown"), max_length=300, blank=True)
    asked_at = models.DateTimeField(_("first asked"), auto_now_add=True, db_index=True)
    last_asked_at = models.DateTimeField(_("last asked"), default=timezone.now, db_index=True)
    times_asked = models.PositiveIntegerField(_("times asked"), default=1)
    # SHA-256 of the normalised question, language, outcome and answer: one row per question.
    fingerprint = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ["-last_asked_at"]
        verbose_name = _("question without a good answer")
        verbose_name_plural = _("questions without a good answer")

    def __str__(self):
        return self.text


class SuggestedPhrasing(models.Model):
    """A question whose curated answer a visitor found helpful: staff may add it with a click."""

    answer = models.ForeignKey(
        CuratedAnswer, verbose_name=_("answer"), on_delete=models.CASCADE, related_name="+"
    )
    text = models.CharField(_("question"), max_length=500)
    asked_at = models.DateTimeField(_("asked"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-asked_at"]
        verbose_name = _("suggested phrasing")
        verbose_name_plural = _("suggested phrasings")
        constraints = [
            models.UniqueConstraint(fields=["answer", "text"], name="unique_suggested_phrasing")
        ]

    def __str__(self):
        return self.text


class SpentFeedbackToken(models.Model):
    """A "Did this help?" token already used: each answers once. Kept as a SHA-256 for the
    token's lifetime (a day), then purged with the questions."""

    digest = models.CharField(max_length=64, unique=True)
    spent_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.digest[:12]
