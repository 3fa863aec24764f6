"""Honest answers: the sentence that answers first, schemes for funding questions, closed
schemes named as closed, no other scheme's section for what the site does not have."""

import datetime

import pytest
from bs4 import BeautifulSoup

from assistant.answers import unknown_chinese_names, unknown_topics
from portal.search import current_index
from tests.events.factories import make_event
from tests.notices.factories import make_notice
from tests.schemes.factories import add_section, make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def emf():
    make_notice(slug="chatbot", title_en="Chatbot Function", title_zh_hant="聊天機械人功能",
                enquiry_phone="2398 5133")  # fmt: skip
    scheme = make_scheme(slug="emf", abbreviation="EMF", name_en="SME Export Marketing Fund",
                         name_zh_hant="中小企業市場推廣基金")  # fmt: skip
    add_section(
        scheme, anchor="funding-amount", heading_en="Funding Amount", heading_zh_hant="資助金額",
        body_en="<p>The fund supports export promotion. Each application may receive up to "
        "HK$100,000. Applications are accepted all year round.</p>",
        body_zh_hant="<p>基金支援出口推廣活動。每宗申請的資助上限為100,000港元。全年接受申請。</p>",
    )  # fmt: skip
    return scheme


def _ask(client, prefix, question):
    return client.get(f"/{prefix}/assistant/answer.json", {"q": question}).json()


@pytest.mark.parametrize(
    ("prefix", "question", "amount"),
    [
        ("en", "how much can one EMF application receive", "HK$100,000"),
        ("tc", "EMF 每宗申請最多資助幾多錢", "100,000港元"),
        ("sc", "EMF每宗申请最多资助多少钱", "100,000港元"),
    ],
)
def test_the_answer_leads_with_the_sentence_that_has_the_amount(client, emf, prefix, question,
                                                               amount):  # fmt: skip
    data = _ask(client, prefix, question)
    quote = BeautifulSoup(data["answer"], "html.parser").select_one("blockquote")
    assert data["matched"] and amount in quote.get_text()
    assert data["links"][0]["url"] == f"/{prefix}/schemes/emf/#funding-amount"


@pytest.mark.parametrize(
    ("prefix", "question"),
    [("sc", "BUD 专项基金 申请资格"), ("en", "BUD fund eligibility"), ("tc", "TVP資助幾多")],
)
def test_a_fund_the_site_does_not_list_gets_no_information_not_another_scheme(
    client, emf, prefix, question
):
    data = _ask(client, prefix, question)
    assert data["matched"] is False
    assert not any("/schemes/emf/" in link["url"] for link in data["links"])


def test_a_closed_scheme_is_named_as_closed(client):
    scheme = make_scheme(slug="mic", name_en="Small MIC Groups Funding 2019/20",
                         name_zh_hant="小型會獎團體資助計劃2019/20",
                         closes_on=datetime.date(2020, 3, 31))  # fmt: skip
    add_section(scheme, anchor="funding-support", heading_en="Funding Support",
                body_en="<p>HKTB pays up to HK$10,000 for each MIC group.</p>")  # fmt: skip
    data = _ask(client, "en", "how much does HKTB pay for each MIC group")
    assert data["links"][0]["url"] == "/en/schemes/mic/#funding-support"
    assert "This scheme is closed: applications ended on 31 March 2020." in data["answer"]


def test_funding_questions_are_answered_from_schemes_before_events(client, emf):
    make_event(title_en="Seminar on the Export Marketing Fund funding",
               summary_en="How much funding the Export Marketing Fund gives.")  # fmt: skip
    data = _ask(client, "en", "export marketing fund funding")
    assert data["links"][0]["url"].startswith("/en/schemes/emf/")


def test_the_topic_of_a_question_is_a_word_no_page_uses_not_a_typo_or_filler(emf):
    index = current_index()
    assert unknown_topics("EMF application tax", index) == ["tax"]
    assert unknown_topics("EMF aplication ok", index) == []  # a typo, a word naming nothing


def test_a_chinese_programme_name_no_page_uses_is_unknown(emf):
    index = current_index()
    assert unknown_chinese_names("科技券點樣申請", index) == ["科技券"]
    assert unknown_chinese_names("保就業計劃幾時再有", index) == ["业计划"]  # 就 is a particle
    assert unknown_chinese_names("市場推廣基金有咩資助", index) == []  # the EMF's own name
    assert unknown_chinese_names("内地企业所得税怎么交", index) == ["所得税"]
    assert unknown_chinese_names("點樣申請食肆牌照", index) == ["食肆牌照"]
    assert unknown_chinese_names("深圳市政府的中小企业补贴", index) == ["圳市政府"]
    assert unknown_chinese_names("有沒有政府貸款擔保", index) == []  # no government named


def test_a_how_long_question_is_answered_by_the_section_stating_a_period(client, emf):
    add_section(emf, anchor="processing", heading_en="Processing",
                body_en="<p>Each application is processed within 30 working days.</p>")  # fmt: skip
    data = _ask(client, "en", "EMF application how long to process")
    assert data["links"][0]["url"] == "/en/schemes/emf/#processing"
    assert "30 working days" in data["answer"]
