"""The evaluator: outcomes, reasons and links, never more than the rules say."""

import datetime

import pytest

from portal.models import Publishable
from schemes.eligibility import (
    Outcome,
    Verdict,
    eligibility_answers,
    eligibility_check,
    eligibility_questions,
    sme_size_class,
)
from tests.schemes.factories import add_rule, add_section, make_question, make_scheme

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2019, 10, 1)


@pytest.mark.parametrize(
    ("employees", "sector", "expected"),
    [
        (0, "manufacturing", "sme"),
        (99, "manufacturing", "sme"),
        (100, "manufacturing", "not-sme"),
        (49, "non-manufacturing", "sme"),
        (50, "non-manufacturing", "not-sme"),
        (49, None, "sme"),  # under both limits
        (50, None, None),  # depends on the sector
        (99, None, None),
        (100, None, "not-sme"),  # over both limits
    ],
)
def test_employee_counts_follow_the_government_sme_definition(employees, sector, expected):
    assert sme_size_class(employees, sector) == expected


def check(raw):
    """(current, closed) results for raw form values, as outcome by scheme slug."""
    answers = eligibility_answers(eligibility_questions(), raw)
    current, closed = eligibility_check(answers=answers, today=TODAY)
    return current, closed


def only(results):
    [result] = results
    return result


@pytest.fixture
def listed():
    return make_question("listed", "yes", "no")


def test_an_answer_among_the_passing_ones_makes_the_scheme_likely_eligible(listed):
    add_rule(make_scheme(), listed, passing=("no",), failing=("yes",))
    result = only(check({"listed": "no"})[0])
    assert result.outcome == Outcome.LIKELY_ELIGIBLE
    assert [reason.verdict for reason in result.reasons] == [Verdict.MET]
    assert result.reasons[0].answer.label == "No"


def test_an_answer_among_the_failing_ones_makes_it_not_eligible(listed):
    scheme = make_scheme()
    add_rule(scheme, make_question("agent", "yes", "no"), passing=("yes",))
    add_rule(scheme, listed, passing=("no",), failing=("yes",))
    result = only(check({"listed": "yes"})[0])
    assert result.outcome == Outcome.NOT_ELIGIBLE
    # The failed rule is explained first, then the one left unanswered.
    assert [reason.verdict for reason in result.reasons] == [Verdict.FAILED, Verdict.UNANSWERED]


def test_an_unanswered_question_means_check_not_eligible(listed):
    add_rule(make_scheme(), listed, passing=("no",), failing=("yes",))
    result = only(check({"listed": ""})[0])
    assert result.outcome == Outcome.CHECK
    assert result.reasons[0].verdict == Verdict.UNANSWERED


def test_an_answer_the_rule_does_not_mention_means_check(listed):
    add_rule(make_scheme(), listed, passing=("no",))
    result = only(check({"listed": "yes"})[0])
    assert (result.outcome, result.reasons[0].verdict) == (Outcome.CHECK, Verdict.UNCLEAR)


def test_a_rule_the_check_cannot_ask_about_means_check(listed):
    scheme = make_scheme()
    add_rule(scheme, listed, passing=("no",))
    add_rule(scheme, None, text="The Borrower must not have any Outstanding Default.")
    result = only(check({"listed": "no"})[0])
    assert result.outcome == Outcome.CHECK
    assert result.reasons[0].verdict == Verdict.NOT_ASKED


def test_a_scheme_without_rules_is_never_likely_eligible(listed):
    make_scheme()
    result = only(check({"listed": "no"})[0])
    assert (result.outcome, result.reasons) == (Outcome.CHECK, [])


def test_employee_counts_are_judged_with_the_sector():
    make_question("sector", "manufacturing", "non-manufacturing")
    employees = make_question("employees", "sme", "not-sme", kind="employees")
    add_rule(make_scheme(), employees, passing=("sme",), failing=("not-sme",))
    assert only(check({"employees": 80, "sector": "manufacturing"})[0]).outcome == "likely"
    assert only(check({"employees": 80, "sector": "non-manufacturing"})[0]).outcome == (
        "not-eligible"
    )
    undecided = only(check({"employees": 80})[0])
    assert (undecided.outcome, undecided.reasons[0].verdict) == ("check", "unclear")
    assert undecided.reasons[0].answer.label == "80 people"


@pytest.fixture
def need():
    return make_question("need", "equipment", "export-marketing", "tours", kind="several")


def test_one_of_several_answers_meeting_a_rule_meets_it(need):
    add_rule(make_scheme(), need, passing=("export-marketing",), failing=("equipment", "tours"))
    result = only(check({"need": ["equipment", "export-marketing"]})[0])
    assert result.outcome == Outcome.LIKELY_ELIGIBLE
    assert result.reasons[0].answer.label == "Equipment, Export-Marketing"


def test_several_answers_fail_a_rule_only_when_every_one_fails_it(need):
    add_rule(make_scheme(), need, passing=("export-marketing",), failing=("equipment", "tours"))
    assert only(check({"need": ["equipment", "tours"]})[0]).outcome == Outcome.NOT_ELIGIBLE


def test_several_answers_the_rule_does_not_mention_mean_check(need):
    add_rule(make_scheme(), need, passing=("export-marketing",), failing=("tours",))
    result = only(check({"need": ["equipment", "tours"]})[0])
    assert (result.outcome, result.reasons[0].verdict) == (Outcome.CHECK, Verdict.UNCLEAR)


def test_reasons_link_to_the_quoted_section_when_the_page_has_it(listed):
    scheme = make_scheme(slug="loan-fund")
    add_section(scheme, anchor="eligibility")
    add_rule(scheme, listed, passing=("no",), anchor="eligibility")
    add_rule(scheme, listed, passing=("no",), anchor="no-such-section")
    urls = [reason.url for reason in only(check({"listed": "no"})[0]).reasons]
    assert urls == ["/en/schemes/loan-fund/#eligibility", "/en/schemes/loan-fund/"]


def test_closed_schemes_are_set_apart_and_drafts_left_out(listed):
    open_scheme = make_scheme()
    closed_scheme = make_scheme(closes_on=datetime.date(2019, 3, 31))
    make_scheme(status=Publishable.Status.DRAFT)
    current, closed = check({})
    assert [r.scheme for r in current] == [open_scheme]
    assert [r.scheme for r in closed] == [closed_scheme]


def test_results_list_the_likeliest_first(listed):
    failing = make_scheme(name_en="A fails")
    add_rule(failing, listed, failing=("yes",))
    unknown = make_scheme(name_en="B unknown")
    passing = make_scheme(name_en="C passes")
    add_rule(passing, listed, passing=("yes",))
    current, _ = check({"listed": "yes"})
    assert [r.scheme for r in current] == [passing, unknown, failing]
