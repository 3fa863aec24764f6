"""A question in its context: the scheme it names (follow-ups: test_follow_ups.py)."""

import pytest

from assistant.context import named_scheme
from portal.search import current_index
from tests.notices.factories import make_notice
from tests.schemes.factories import add_section, make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_schemes():
    make_notice(slug="chatbot", title_en="Chatbot Function", enquiry_phone="2398 5133")
    sgs = make_scheme(slug="sgs", abbreviation="SGS", name_en="Loan Guarantee Scheme",
                      name_zh_hant="中小企業信貸保證計劃")  # fmt: skip
    add_section(sgs, anchor="uses", heading_en="Uses", heading_zh_hant="用途",
                body_en="<p>Loans may buy equipment for a factory.</p>",
                body_zh_hant="<p>貸款可用作購置工廠設備。</p>")  # fmt: skip
    other = make_scheme(slug="other", name_en="Financing Scheme", name_zh_hant="融資擔保計劃")
    add_section(other, anchor="limits", heading_en="Limits", heading_zh_hant="限制",
                body_en="<p>Loans may not finance equipment kept in a mainland factory.</p>",
                body_zh_hant="<p>貸款不可用作內地工廠的設備。</p>")  # fmt: skip


def _first_link(client, prefix, question):
    data = client.get(f"/{prefix}/assistant/answer.json", {"q": question}).json()
    return data["links"][0]["url"]


@pytest.mark.parametrize(
    ("prefix", "question"),
    [
        ("en", "SGS loan for equipment kept in a mainland factory"),
        ("tc", "內地工廠的設備可唔可以用信貸保證"),
    ],
)
def test_a_question_naming_a_scheme_is_answered_from_it_before_another_schemes_section(
    client, two_schemes, prefix, question
):
    assert _first_link(client, prefix, question) == f"/{prefix}/schemes/sgs/#uses"


def test_a_scheme_is_named_by_its_abbreviation_or_the_core_of_its_chinese_name(two_schemes):
    index = current_index()
    assert named_scheme("SGS loan", index) == "schemes/sgs/"
    assert named_scheme("信貸保證幾耐", index) == "schemes/sgs/"
    assert named_scheme("loan for equipment", index) is None
    assert named_scheme("SGS 同融資擔保計劃有咩分別", index) is None  # two schemes: no preference
