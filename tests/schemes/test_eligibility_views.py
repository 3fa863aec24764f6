"""The eligibility check page: the questionnaire, the results and bad input."""

import pytest

from tests.schemes.factories import add_rule, add_section, make_question, make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def questions():
    make_question("sector", "manufacturing", "non-manufacturing")
    employees = make_question(
        "employees", "sme", "not-sme", kind="employees", hint_en="Count everyone."
    )
    listed = make_question("listed", "yes", "no", text_en="Is it listed?")
    scheme = make_scheme(name_en="Loan Fund", slug="loan-fund")
    add_section(scheme, anchor="eligibility")
    add_rule(scheme, listed, passing=("no",), failing=("yes",), anchor="eligibility",
             text="It shall not be listed.")  # fmt: skip
    add_rule(scheme, employees, passing=("sme",), failing=("not-sme",))
    return scheme


def test_the_questionnaire_is_one_get_form_with_a_fieldset_per_optional_question(
    questions, get_page
):
    _, soup = get_page("/en/schemes/check/")
    form = soup.select_one("form.eligibility-form")
    assert form["method"] == "get"
    fieldsets = form.find_all("fieldset")
    assert [f.legend.get_text(strip=True) for f in fieldsets] == [
        "Sector?", "Employees?", "Is it listed?"
    ]  # fmt: skip
    assert not soup.select("[required]")
    assert not soup.find("input", attrs={"name": "csrfmiddlewaretoken"})
    # "Not sure" is chosen until the visitor answers.
    assert form.find("input", attrs={"name": "listed", "value": ""}).has_attr("checked")
    number = form.find("input", attrs={"name": "employees"})
    assert soup.find("label", attrs={"for": number["id"]})
    assert "Count everyone." in fieldsets[1].get_text()
    assert not soup.select(".eligibility-result")
    assert "guidance only" in soup.main.get_text()


def test_answers_in_the_address_show_outcomes_with_quoted_reasons(questions, get_page):
    _, soup = get_page("/en/schemes/check/?listed=yes&employees=12")
    result = soup.select_one(".eligibility-result")
    assert "eligibility-result--not-eligible" in result["class"]
    assert result.select_one(".eligibility-result__outcome").get_text(" ", strip=True) == (
        "✗ Not eligible"
    )
    failed = result.select_one(".reason--failed")
    assert "“It shall not be listed.”" in failed.blockquote.get_text()
    assert "Your answer: Yes" in failed.get_text(" ", strip=True)
    assert failed.find("a")["href"] == "/en/schemes/loan-fund/#eligibility"
    # The chosen answers stay chosen, so the visitor can change one and check again.
    assert soup.find("input", attrs={"name": "listed", "value": "yes"}).has_attr("checked")
    assert soup.find("input", attrs={"name": "employees"})["value"] == "12"


def test_a_check_outcome_links_to_the_schemes_enquiries(questions, get_page):
    _, soup = get_page("/en/schemes/check/?listed=no")
    result = soup.select_one(".eligibility-result--check")
    link = result.find("a", href="/en/schemes/loan-fund/#enquiries")
    assert link.get_text(" ", strip=True) == "how to ask them : Loan Fund"


def test_results_use_the_traditional_text_and_convert_it_for_simplified(questions, get_page):
    _, soup = get_page("/tc/schemes/check/?listed=no&employees=3")
    assert "It shall not be listed.（中文）" in soup.main.get_text()
    assert soup.find("a", href="/tc/schemes/loan-fund/#eligibility")
    _, soup = get_page("/sc/schemes/check/?listed=no&employees=3")
    assert soup.find("a", href="/sc/schemes/loan-fund/#eligibility")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("employees=-3", "cannot be negative"),
        ("employees=99999999", "up to 1,000,000"),
        ("employees=twelve", "whole number"),
        ("employees=1e3", "whole number"),
        ("listed=maybe", "not one of the answers"),
        ("listed=yes&listed=no", "answered more than once"),
        ("employees=3&employees=3", "answered more than once"),
    ],
)
def test_bad_answers_get_a_clear_message_on_the_form_and_no_results(
    questions, get_page, query, message
):
    _, soup = get_page(f"/en/schemes/check/?{query}", status=400)
    summary = soup.select_one(".error-summary")
    assert message in summary.get_text()
    link = summary.find("a")
    assert soup.find(id=link["href"][1:]).name == "fieldset"
    assert message in soup.select_one(".question--error").get_text()
    assert soup.title.get_text().startswith("Error:")
    assert not soup.select(".eligibility-result")


def test_unknown_parameters_are_ignored(questions, get_page):
    _, soup = get_page("/en/schemes/check/?utm_source=mail&listed=no")
    assert soup.select(".eligibility-result")


def test_bad_input_never_breaks_the_page_in_any_language(questions, client):
    for prefix in ("en", "tc", "sc"):
        for query in ("employees=%00", "listed=%ED%A0%80", "employees=" + "9" * 500, "x" * 3000):
            assert client.get(f"/{prefix}/schemes/check/?{query}").status_code in (200, 400)


def test_the_finder_links_to_the_check(get_page):
    make_scheme()
    _, soup = get_page("/en/schemes/")
    assert soup.find("a", href="/en/schemes/check/")


def test_a_question_taking_several_answers_offers_check_boxes_and_keeps_the_ticks(get_page):
    need = make_question("need", "equipment", "export-marketing", "tours", kind="several")
    add_rule(make_scheme(), need, passing=("export-marketing",), failing=("equipment", "tours"))
    _, soup = get_page("/en/schemes/check/?need=equipment&need=export-marketing")
    boxes = soup.select("fieldset#question-need input[type=checkbox][name=need]")
    assert [box.has_attr("checked") for box in boxes] == [True, True, False]
    assert soup.select_one(".eligibility-result--likely")
    _, soup = get_page("/en/schemes/check/?need=equipment&need=nonsense", status=400)
    assert "choose from the list" in soup.select_one(".question--error").get_text()
