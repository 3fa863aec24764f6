"""The eligibility check: a business's answers against each scheme's rules, with reasons.

It never claims more than the rules say: an unanswered question, an answer a rule does not
mention, a rule the check cannot ask about, or a scheme without rules, all mean "check with the
administering body", never "likely eligible".
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import EligibilityOption, EligibilityQuestion, EligibilityRule, Scheme
from .rules import ABOVE_SME_DEFINITION, MANUFACTURING, SECTOR_QUESTION, WITHIN_SME_DEFINITION
from .status import SchemeStatus, scheme_status

# The Government's definition of an SME: fewer employees in Hong Kong than this.
SME_LIMIT_MANUFACTURING = 100
SME_LIMIT_OTHER = 50


class Outcome(models.TextChoices):
    LIKELY_ELIGIBLE = "likely", _("Likely eligible")
    CHECK = "check", _("Check with the administering body")
    NOT_ELIGIBLE = "not-eligible", _("Not eligible")


class Verdict(models.TextChoices):
    MET = "met", _("Your answer meets this rule")
    FAILED = "failed", _("Your answer does not meet this rule")
    UNANSWERED = "unanswered", _("Not answered: the check cannot tell")
    UNCLEAR = "unclear", _("The rule does not say how your answer counts")
    NOT_ASKED = "not-asked", _("The check does not ask about this")


@dataclass(frozen=True)
class Answer:
    values: tuple[str, ...]  # option values ("sme" or "not-sme" for a number of employees)
    label: str  # what the business answered, in words


@dataclass(frozen=True)
class Reason:
    rule: EligibilityRule
    verdict: Verdict
    answer: Answer | None
    url: str  # the scheme page, at the section the rule quotes


@dataclass(frozen=True)
class SchemeResult:
    scheme: Scheme
    outcome: Outcome
    reasons: list[Reason]


def sme_size_class(employees: int, sector: str | None) -> str | None:
    """Within or above the SME definition, or None when it depends on the unknown sector."""
    if sector:
        limit = SME_LIMIT_MANUFACTURING if sector == MANUFACTURING else SME_LIMIT_OTHER
        return WITHIN_SME_DEFINITION if employees < limit else ABOVE_SME_DEFINITION
    if employees < SME_LIMIT_OTHER:
        return WITHIN_SME_DEFINITION
    return ABOVE_SME_DEFINITION if employees >= SME_LIMIT_MANUFACTURING else None


def eligibility_answers(
    questions: list[EligibilityQuestion], raw: dict[str, str | int | list[str] | None]
) -> dict[str, Answer]:
    """The form's cleaned values as answers rules can be checked against, by question key."""
    answers = {}
    for question in questions:
        value = raw.get(question.key)
        if value in (None, "", []):
            continue
        options = {option.value: option for option in question.options.all()}
        if question.kind == EligibilityQuestion.Kind.EMPLOYEES:
            people = ngettext("%(count)s person", "%(count)s people", value) % {"count": value}
            size = sme_size_class(value, raw.get(SECTOR_QUESTION) or None)
            size_label = options[size].label if size in options else ""
            label = f"{people} ({size_label})" if size_label else people
            answers[question.key] = Answer((size,) if size else (), label)
        else:
            values = tuple(value) if isinstance(value, list) else (value,)
            label = ", ".join(options[each].label for each in values)
            answers[question.key] = Answer(values, label)
    return answers


def _rule_verdict(rule: EligibilityRule, answer: Answer | None) -> Verdict:
    """One answer meeting the rule meets it (a business with several needs has one the scheme
    covers); the rule fails only when every answer fails it."""
    if rule.question_id is None:
        return Verdict.NOT_ASKED
    if answer is None:
        return Verdict.UNANSWERED
    failing = {option.value for option in rule.failing_options.all()}
    passing = {option.value for option in rule.passing_options.all()}
    if answer.values and set(answer.values) <= failing:
        return Verdict.FAILED
    if passing & set(answer.values):
        return Verdict.MET
    return Verdict.UNCLEAR


def scheme_eligibility(scheme: Scheme, answers: dict[str, Answer]) -> SchemeResult:
    """One scheme's outcome: any failed rule fails it; every rule met is "likely eligible"."""
    anchors = {section.anchor for section in scheme.sections.all()}
    page = scheme.get_absolute_url()
    reasons = []
    for rule in scheme.eligibility_rules.all():
        answer = answers.get(rule.question.key) if rule.question_id else None
        anchor = rule.section_anchor
        url = f"{page}#{anchor}" if anchor in anchors else page
        reasons.append(Reason(rule, _rule_verdict(rule, answer), answer, url))
    verdicts = {reason.verdict for reason in reasons}
    if Verdict.FAILED in verdicts:
        outcome = Outcome.NOT_ELIGIBLE
    elif reasons and verdicts == {Verdict.MET}:
        outcome = Outcome.LIKELY_ELIGIBLE
    else:
        outcome = Outcome.CHECK
    # What decided the outcome first: failed rules, then the open questions, then the rest.
    order = [Verdict.FAILED, Verdict.UNANSWERED, Verdict.UNCLEAR, Verdict.NOT_ASKED, Verdict.MET]
    reasons.sort(key=lambda reason: order.index(reason.verdict))
    return SchemeResult(scheme, outcome, reasons)


def eligibility_questions() -> list[EligibilityQuestion]:
    return list(EligibilityQuestion.objects.prefetch_related("options"))


def _rules_with_options():
    options = EligibilityOption.objects.only("value")
    return EligibilityRule.objects.select_related("question").prefetch_related(
        Prefetch("passing_options", queryset=options),
        Prefetch("failing_options", queryset=options),
    )


def eligibility_check(
    *, answers: dict[str, Answer], today: datetime.date
) -> tuple[list[SchemeResult], list[SchemeResult]]:
    """Every published scheme's result: (those not closed, those closed), likeliest first."""
    schemes = (
        Scheme.objects.published()
        .select_related("organisation")
        .prefetch_related("sections", Prefetch("eligibility_rules", queryset=_rules_with_options()))
    )
    ranking = list(Outcome)
    results = sorted(
        (scheme_eligibility(scheme, answers) for scheme in schemes),
        key=lambda result: ranking.index(result.outcome),
    )
    current, closed = [], []
    for result in results:
        is_closed = scheme_status(result.scheme, today=today) == SchemeStatus.CLOSED
        (closed if is_closed else current).append(result)
    return current, closed


def eligibility_of_schemes(schemes: list[Scheme], *, answers: dict[str, Answer]):
    """The results for a few schemes already read (those compared), in their order."""
    rules = Prefetch("eligibility_rules", queryset=_rules_with_options())
    prefetch_related_objects(schemes, "sections", rules)
    return [scheme_eligibility(scheme, answers) for scheme in schemes]


def eligibility_summary(results: list[SchemeResult]) -> dict[str, int]:
    """How many schemes have each outcome, for the announcement above the results."""
    outcomes = [result.outcome for result in results]
    return {
        "total": len(outcomes),
        "likely": outcomes.count(Outcome.LIKELY_ELIGIBLE),
        "check": outcomes.count(Outcome.CHECK),
        "not_eligible": outcomes.count(Outcome.NOT_ELIGIBLE),
    }
