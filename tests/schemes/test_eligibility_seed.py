"""The four seed schemes' rules, checked through the page with businesses that pass, fail and
leave questions unanswered. One of the few test modules that load the seed."""

import datetime
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone

from schemes.models import EligibilityQuestion, EligibilityRule

pytestmark = pytest.mark.django_db

SGS = "sme-loan-guarantee-scheme"
SFGS = "sme-financing-guarantee-scheme"
EMF = "sme-export-marketing-fund"
MIC = "small-mic-groups-funding-2019-20"

# A small Hong Kong trading company that answers every question.
TRADER = {
    "registered": "yes",
    "sector": "non-manufacturing",
    "employees": "20",
    "listed": "no",
    "lender": "no",
    "lender-associate": "no",
    "operating-year": "yes",
    "travel-agent": "no",
    "need": "working-capital",
}


@pytest.fixture
def seed(db):
    call_command("load_seed", verbosity=0)


def outcomes(client, answers, prefix="en"):
    """{slug: outcome} from the result page, and the slugs listed as closed."""
    response = client.get(f"/{prefix}/schemes/check/?{urlencode(answers, doseq=True)}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    found, closed = {}, set()
    for item in soup.select(".eligibility-result"):
        slug = item.h3.a["href"].rstrip("/").rsplit("/", 1)[1]
        found[slug] = next(c for c in item["class"] if c.startswith("eligibility-result--"))[20:]
        if item.find_parent("ul", attrs={"aria-labelledby": "closed-results-heading"}):
            closed.add(slug)
    return found, closed


def test_the_seed_holds_rules_for_every_seed_scheme_and_reloading_keeps_one_copy(seed):
    call_command("load_seed", verbosity=0)
    assert EligibilityQuestion.objects.count() == 9
    per_scheme = {
        slug: EligibilityRule.objects.filter(scheme__slug=slug).count()
        for slug in (SGS, SFGS, EMF, MIC)
    }
    assert per_scheme == {SGS: 5, SFGS: 6, EMF: 4, MIC: 2}


def test_a_small_trader_needing_working_capital(seed, client):
    found, closed = outcomes(client, TRADER)
    assert found == {SGS: "likely", SFGS: "likely", EMF: "not-eligible", MIC: "not-eligible"}
    assert closed == {MIC}  # its application period ended on 31 March 2020


def test_a_manufacturer_of_80_people_exporting(seed, client):
    answers = {**TRADER, "sector": "manufacturing", "employees": "80", "need": "export-marketing"}
    found, _ = outcomes(client, answers)
    assert found[EMF] == "likely"
    # The loan schemes do not say whether export marketing counts: ask, do not guess.
    assert found[SGS] == found[SFGS] == "check"


def test_computers_and_a_trade_fair_in_one_check(seed, client):
    answers = {**TRADER, "need": ["equipment", "export-marketing"]}
    found, _ = outcomes(client, answers)
    # The loan schemes cover the computers, the marketing fund the trade fair.
    assert found[SGS] == found[SFGS] == found[EMF] == "likely"
    assert found[MIC] == "not-eligible"


def test_a_non_manufacturer_of_80_people_is_no_sme(seed, client):
    answers = {**TRADER, "employees": "80", "need": "export-marketing"}
    found, _ = outcomes(client, answers)
    assert found[EMF] == found[SGS] == "not-eligible"
    assert found[SFGS] == "check"  # the SFGS sets no size limit


def test_without_the_sector_only_a_count_under_both_limits_decides(seed, client):
    answers = {**TRADER, "sector": "", "employees": "70"}
    found, _ = outcomes(client, answers)
    assert found[SGS] == "check"
    found, _ = outcomes(client, {**answers, "employees": "30"})
    assert found[SGS] == "likely"


def test_a_listed_company_cannot_use_the_financing_guarantee(seed, client):
    found, _ = outcomes(client, {**TRADER, "listed": "yes"})
    assert found[SFGS] == "not-eligible"
    assert found[SGS] == "likely"  # the SGS says nothing about listing


def test_a_lender_or_its_associate_cannot_use_either_loan_scheme(seed, client):
    for answer in ({"lender": "yes"}, {"lender-associate": "yes"}):
        found, _ = outcomes(client, {**TRADER, **answer})
        assert found[SGS] == found[SFGS] == "not-eligible"


def test_a_business_younger_than_a_year_fails_only_the_financing_guarantee(seed, client):
    found, _ = outcomes(client, {**TRADER, "operating-year": "no"})
    assert (found[SFGS], found[SGS]) == ("not-eligible", "likely")


def test_a_business_not_registered_in_hong_kong_fails_every_loan_and_fund(seed, client):
    found, _ = outcomes(client, {**TRADER, "registered": "no"})
    assert found[SGS] == found[SFGS] == found[EMF] == "not-eligible"


@pytest.mark.parametrize("prefix", ["en", "tc", "sc"])
def test_the_probes_unregistered_exporter_is_not_eligible_for_the_sfgs(seed, client, prefix):
    answers = {"registered": "no", "sector": "non-manufacturing", "employees": "30",
               "listed": "no", "need": "export-marketing"}  # fmt: skip
    found, _ = outcomes(client, answers, prefix=prefix)
    assert found[SFGS] == "not-eligible"


def test_a_registered_business_without_substantive_operations(seed, client):
    found, _ = outcomes(client, {**TRADER, "registered": "registered-only"})
    assert found[SGS] == found[EMF] == "not-eligible"
    # The SFGS asks for "business operation", not substantive ones: it may still qualify.
    assert found[SFGS] == "check"


def test_every_rule_on_registration_fails_a_business_not_registered(seed):
    for rule in EligibilityRule.objects.filter(question__key="registered"):
        assert "no" in {option.value for option in rule.failing_options.all()}, rule.scheme


def test_a_licensed_travel_agent_receiving_mic_groups(seed, client):
    answers = {**TRADER, "travel-agent": "yes", "need": "mic-groups"}
    found, closed = outcomes(client, answers)
    assert found[MIC] == "likely"
    assert MIC in closed
    found, _ = outcomes(client, {**answers, "travel-agent": "no"})
    assert found[MIC] == "not-eligible"


def test_a_business_that_answers_nothing_is_told_to_check_everywhere(seed, client):
    found, _ = outcomes(client, {"need": ""})
    assert set(found.values()) == {"check"}


def test_the_seed_rules_work_in_chinese_and_quote_the_chinese_sentence(seed, client):
    for prefix in ("tc", "sc"):
        found, _ = outcomes(client, TRADER, prefix=prefix)
        assert found[SGS] == "likely"
    response = client.get(f"/tc/schemes/check/?{urlencode(TRADER)}")
    assert "符合香港特別行政區政府的中小企業定義；" in response.content.decode()
    assert f'href="/tc/schemes/{SGS}/#eligibility"' in response.content.decode()


def test_the_mic_scheme_would_be_current_before_it_closed(seed, client, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2019, 10, 1))
    _, closed = outcomes(client, TRADER)
    assert closed == set()
