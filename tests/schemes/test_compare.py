"""Schemes side by side: an accessible table (cards on phones), the way back to the check or the
search, and clear messages for what cannot be compared."""

from urllib.parse import quote

import pytest
from django.utils import translation

from portal.models import Publishable
from schemes.comparison import carried_query
from tests.schemes.factories import add_contact, add_rule, make_question, make_scheme

pytestmark = pytest.mark.django_db

ROWS = [
    "Administered by",
    "Who can apply",
    "Type of support",
    "Maximum funding",
    "Guarantee ratio or funding share",
    "Fees",
    "Application period and status",
    "How to apply",
    "Enquiries",
]


@pytest.fixture
def schemes():
    loan = make_scheme(
        slug="loan", name_en="Loan Scheme", funding_share_en="50% of the loan", fees_en="None"
    )
    add_contact(loan, "phone", "2398 5129")
    grant = make_scheme(slug="grant", name_en="Grant Scheme", how_to_apply_en="Online.")
    return loan, grant


def test_two_schemes_side_by_side_in_one_table(schemes, get_page):
    _, soup = get_page("/en/schemes/compare/?s=loan&s=grant")
    region = soup.select_one('.table-scroll[role="region"]')
    assert region["tabindex"] == "0"
    table = region.table
    assert soup.find(id=region["aria-labelledby"]).name == "caption"
    headers = [th.get_text(strip=True) for th in table.thead.find_all("th", scope="col")]
    assert headers == ["Loan Scheme", "Grant Scheme"]  # in the order asked for
    rows = {
        tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in table.tbody.find_all("tr")
    }
    assert list(rows) == ROWS
    assert all(th["scope"] == "row" for th in table.tbody.find_all("th"))
    assert rows["Guarantee ratio or funding share"] == ["50% of the loan", "Not stated"]
    assert rows["Fees"] == ["None", "Not stated"]
    assert rows["How to apply"] == ["Not stated", "Online."]
    assert rows["Enquiries"] == ["Telephone: 2398 5129", "Not stated"]
    assert "Open all year round" in rows["Application period and status"][0]


def test_three_schemes_and_a_repeated_one_are_fine(schemes, get_page):
    make_scheme(slug="third")
    _, soup = get_page("/en/schemes/compare/?s=loan&s=grant&s=third&s=loan")
    assert len(soup.select("thead th")) == 3


def test_the_comparison_works_in_chinese(schemes, get_page):
    for prefix in ("tc", "sc"):
        _, soup = get_page(f"/{prefix}/schemes/compare/?s=loan&s=grant")
        assert len(soup.select("thead th")) == 2


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("s=loan&s=grant&s=a&s=b", "up to three schemes"),
        ("s=loan&s=no-such-scheme", "could not be found or is not published"),
        ("s=loan&s=draft", "could not be found or is not published"),
        ("s=loan", "at least two schemes"),
        ("s=x&s=y&s=z&s=w&s=v", "Some of the schemes chosen"),
    ],
)
def test_what_cannot_be_compared_is_explained_with_the_schemes_that_can(
    schemes, get_page, query, message
):
    make_scheme(slug="draft", status=Publishable.Status.DRAFT)
    _, soup = get_page(f"/en/schemes/compare/?{query}", status=400)
    assert message in soup.select_one('[role="alert"]').get_text()
    assert not soup.find("table")
    choices = [i["value"] for i in soup.select('form.compare-chooser input[name="s"]')]
    assert choices == ["grant", "loan"]  # published ones, by name
    ticked = soup.find("input", attrs={"value": "loan"}).has_attr("checked")
    assert ticked == ("s=loan" in query)  # what could be used stays ticked


def test_without_schemes_the_page_offers_a_choice(schemes, get_page):
    _, soup = get_page("/en/schemes/compare/")
    assert not soup.select('[role="alert"]')
    assert soup.select_one("form.compare-chooser")["method"] == "get"


def test_finder_results_are_their_own_get_form_to_the_comparison(schemes, get_page):
    _, soup = get_page("/en/schemes/")
    form = soup.select_one("form.compare-form")
    assert form["method"] == "get" and form["action"] == "/en/schemes/compare/"
    assert not form.find_parent("form") and not form.find("form")
    boxes = form.select('input[type="checkbox"][name="s"]')
    assert [box["value"] for box in boxes] == ["grant", "loan"]
    label = soup.find("label", attrs={"for": boxes[0]["id"]})
    assert label.get_text(" ", strip=True) == "Compare Grant Scheme"


def test_phones_get_the_same_facts_as_one_card_per_scheme(schemes, get_page):
    _, soup = get_page("/en/schemes/compare/?s=loan&s=grant")
    cards = soup.select(".comparison-cards > section.comparison-card")
    assert [card.h2.get_text(" ", strip=True) for card in cards] == ["Loan Scheme", "Grant Scheme"]
    table_rows = soup.select(".comparison__table tbody tr")
    for column, card in enumerate(cards):
        facts = {
            fact.dt.get_text(strip=True): fact.dd.get_text(" ", strip=True)
            for fact in card.select(".comparison-card__fact")
        }
        assert list(facts) == ROWS
        in_table = {
            row.th.get_text(strip=True): row.find_all("td")[column].get_text(" ", strip=True)
            for row in table_rows
        }
        assert facts == in_table
        assert soup.find(id=card["aria-labelledby"]) == card.h2


def test_answers_from_the_check_give_each_schemes_verdict_and_the_way_back(schemes, get_page):
    listed = make_question("listed", "yes", "no")
    loan, grant = schemes
    add_rule(loan, listed, passing=("no",), failing=("yes",))
    add_rule(grant, listed, passing=("yes",), failing=("no",))
    _, soup = get_page("/en/schemes/compare/?s=loan&s=grant&check=listed%3Dno%26x%3D%3Cb%3E")
    first_row = soup.select_one(".comparison__table tbody tr")
    assert first_row.th.get_text(strip=True) == "Your eligibility check"
    verdicts = [td.get_text(" ", strip=True) for td in first_row.find_all("td")]
    assert verdicts == ["✓ Likely eligible", "✗ Not eligible"]
    back = soup.find("a", string="Back to your eligibility results")
    assert back["href"] == "/en/schemes/check/?listed=no&x=%3Cb%3E"  # re-encoded, never markup


def test_answers_no_longer_valid_leave_out_the_verdicts_but_not_the_way_back(schemes, get_page):
    make_question("listed", "yes", "no")
    _, soup = get_page("/en/schemes/compare/?s=loan&s=grant&check=listed%3Dmaybe")
    assert "Your eligibility check" not in soup.main.get_text()
    assert soup.find("a", string="Back to your eligibility results")


def test_a_search_from_the_finder_is_carried_through_the_chooser_and_back(schemes, get_page):
    _, soup = get_page("/en/schemes/?type=grant&q=loan")
    carried = soup.select_one('form.compare-form input[name="finder"]')["value"]
    assert carried == "type=grant&q=loan"
    _, soup = get_page(f"/en/schemes/compare/?s=loan&finder={quote(carried)}", status=400)
    assert soup.select_one('form.compare-chooser input[name="finder"]')["value"] == carried
    _, soup = get_page(f"/en/schemes/compare/?s=loan&s=grant&finder={quote(carried)}")
    assert soup.find("a", string="Back to your search")["href"] == "/en/schemes/?type=grant&q=loan"


def test_a_carried_query_is_only_ever_a_query_string():
    assert carried_query("a=1&b=<script>") == "a=1&b=%3Cscript%3E"
    assert carried_query("x" * 2_001) == ""
    assert carried_query("") == ""


@pytest.mark.parametrize(
    ("prefix", "shown", "lang"),
    [
        ("tc", ["English only", "計劃甲"], ["en", None]),
        ("sc", ["English only", "计划甲"], ["en", None]),
    ],
)
def test_chooser_names_each_scheme_in_the_page_language_marking_a_fallback(
    get_page, prefix, shown, lang
):
    make_scheme(slug="both", name_en="Scheme A", name_zh_hant="計劃甲")
    make_scheme(slug="english", name_en="English only", name_zh_hant="")
    with translation.override(translation.get_language()):  # the page activates its own
        _, soup = get_page(f"/{prefix}/schemes/compare/")
    labels = soup.select("form.compare-chooser label")
    assert sorted(label.get_text() for label in labels) == shown
    by_name = {label.get_text(): label.get("lang") for label in labels}
    assert [by_name[name] for name in shown] == lang
