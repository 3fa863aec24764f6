import datetime
from itertools import count

from portal.models import Organisation, Publishable
from schemes.models import (
    Applicant,
    EligibilityOption,
    EligibilityQuestion,
    EligibilityRule,
    Scheme,
    SchemeContact,
    SchemeSection,
    SupportType,
)
from schemes.services import scheme_refresh_search
from tests.portal.factories import make_organisation

_numbers = count(1)
AS_AT = datetime.date(2019, 9, 27)


def make_scheme(*, organisation: Organisation | None = None, **fields) -> Scheme:
    """A published rolling grant with both languages filled in, search columns built."""
    number = next(_numbers)
    defaults = {
        "slug": f"scheme-{number}",
        "name_en": f"Scheme {number}",
        "name_zh_hant": f"計劃{number}",
        "summary_en": f"What scheme {number} offers.",
        "summary_zh_hant": f"計劃{number}的內容。",
        "support_type": SupportType.GRANT,
        "applicant": Applicant.SMES,
        "information_as_at": AS_AT,
        "last_reviewed": AS_AT,
        "status": Publishable.Status.PUBLISHED,
    }
    scheme = Scheme.objects.create(
        organisation=organisation or make_organisation(), **{**defaults, **fields}
    )
    scheme_refresh_search(scheme=scheme)
    return scheme


def add_section(scheme: Scheme, *, anchor: str, order: int = 0, **fields) -> SchemeSection:
    defaults = {
        "heading_en": anchor.title(),
        "heading_zh_hant": f"{anchor}（中文）",
        "body_en": f"<p>About {anchor}.</p>",
        "body_zh_hant": f"<p>關於{anchor}。</p>",
    }
    section = SchemeSection.objects.create(
        scheme=scheme, anchor=anchor, order=order, **{**defaults, **fields}
    )
    scheme_refresh_search(scheme=scheme)
    return section


def add_contact(scheme: Scheme, kind: str, value: str, order: int = 0) -> SchemeContact:
    return SchemeContact.objects.create(scheme=scheme, kind=kind, value=value, order=order)


def make_question(key: str, *values: str, kind: str = "choice", **fields) -> EligibilityQuestion:
    """A question with one answer per value, labelled in both languages."""
    defaults = {"text_en": f"{key.title()}?", "text_zh_hant": f"{key}？", "order": next(_numbers)}
    question = EligibilityQuestion.objects.create(key=key, kind=kind, **{**defaults, **fields})
    for order, value in enumerate(values):
        EligibilityOption.objects.create(
            question=question,
            order=order,
            value=value,
            label_en=value.title(),
            label_zh_hant=f"{value}（中文）",
        )
    return question


def add_rule(
    scheme: Scheme,
    question: EligibilityQuestion | None,
    *,
    passing: tuple[str, ...] = (),
    failing: tuple[str, ...] = (),
    anchor: str = "",
    text: str = "",
) -> EligibilityRule:
    """A rule on `question` (None: a condition the check cannot ask), quoting `text`."""
    text = text or f"The rule on {question.key if question else 'something else'}."
    rule = EligibilityRule.objects.create(
        scheme=scheme,
        question=question,
        section_anchor=anchor,
        source_text_en=text,
        source_text_zh_hant=f"{text}（中文）",
        order=next(_numbers),
    )
    if question is not None:
        rule.passing_options.set(question.options.filter(value__in=passing))
        rule.failing_options.set(question.options.filter(value__in=failing))
    return rule
