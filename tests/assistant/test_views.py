import pytest
from bs4 import BeautifulSoup

from assistant.models import LoggedQuestion, SuggestedPhrasing
from notices.models import Notice
from tests.assistant.factories import make_answer
from tests.notices.factories import make_notice
from tests.schemes.factories import add_section, make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    make_notice(slug="chatbot", title_en="Chatbot Function", title_zh_hant="聊天機械人功能",
                enquiry_phone="2398 5133")  # fmt: skip
    scheme = make_scheme(slug="emf", abbreviation="EMF", name_en="SME Export Marketing Fund",
                         name_zh_hant="中小企業市場推廣基金")  # fmt: skip
    add_section(scheme, anchor="funding-amount", heading_en="Funding Amount",
                heading_zh_hant="資助金額",
                body_en="<p>The maximum grant is HKD100,000 for each application.</p>",
                body_zh_hant="<p>每宗申請的資助上限為100,000港元。</p>")  # fmt: skip
    return make_answer(
        question_en="How much can I get from the EMF?",
        question_zh_hant="市場推廣基金最多資助多少？",
        answer_en="<p>Up to HKD100,000 a grant.</p><script>alert(1)</script>",
        answer_zh_hant="<p>每宗最多100,000港元。</p>",
        links="schemes/emf/#funding-amount",
    )


def test_json_contract_gives_the_curated_answer_and_links_in_the_page_language(client, content):
    data = client.get("/en/assistant/answer.json", {"q": "how much can I get from EMF"}).json()
    assert set(data) == {"answer", "links", "refused", "matched"}
    assert data["refused"] is False and data["matched"] is True
    assert "Up to HKD100,000" in data["answer"] and "<script" not in data["answer"]
    assert data["links"][0] == {
        "title": "SME Export Marketing Fund: Funding Amount",
        "url": "/en/schemes/emf/#funding-amount",
    }


def test_a_question_in_english_on_the_traditional_page_is_answered_in_traditional(client, content):
    data = client.get("/tc/assistant/answer.json", {"q": "how much can I get from EMF"}).json()
    assert "每宗最多" in data["answer"]
    assert data["links"][0]["url"] == "/tc/schemes/emf/#funding-amount"


def test_a_simplified_question_finds_traditional_text_and_is_answered_in_simplified(
    client, content
):
    data = client.get("/sc/assistant/answer.json", {"q": "市场推广基金资助金额"}).json()
    assert "资助" in data["answer"]
    assert data["links"][0] == {
        "title": "中小企业市场推广基金: 资助金额",
        "url": "/sc/schemes/emf/#funding-amount",
    }


def test_nothing_good_enough_says_so_with_tid_telephone_and_logs_the_question(client, content):
    data = client.get("/en/assistant/answer.json", {"q": "pizza recipe with anchovies"}).json()
    assert data["matched"] is False
    assert "could not find" in data["answer"]
    assert "2398 5133" in data["answer"]
    assert data["links"] == [
        {
            "title": "Look for funding schemes with your words",
            "url": "/en/schemes/?q=pizza+recipe+with+anchovies",
        },
        {"title": "Check which schemes your business can apply for", "url": "/en/schemes/check/"},
        {"title": "Chatbot Function", "url": "/en/notices/chatbot/"},
    ]
    assert LoggedQuestion.objects.get().text == "pizza recipe with anchovies"


def test_nothing_good_enough_on_the_page_says_where_else_to_look(client, content):
    response = client.get("/sc/assistant/", {"q": "披萨"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".assistant-answer h3").get_text() == "可以再看看"
    links = [a["href"] for a in soup.select(".assistant-links a")]
    assert links == [
        "/sc/schemes/?q=%E6%8A%AB%E8%90%A8",
        "/sc/schemes/check/",
        "/sc/notices/chatbot/",
    ]


def test_personal_data_is_refused_never_echoed_or_kept(client, content):
    question = "my HKID is A123456(3), can I get the EMF?"
    data = client.get("/en/assistant/answer.json", {"q": question}).json()
    assert data["refused"] is True and data["matched"] is False and data["links"] == []
    assert "A123456" not in data["answer"]
    response = client.get("/en/assistant/", {"q": question}, follow=True)
    assert response.redirect_chain == [("/en/assistant/?refused=1", 302)]
    assert b"A123456" not in response.content and b"personal data" in response.content
    assert not LoggedQuestion.objects.exists()


@pytest.mark.parametrize("question", ["", "   ", "x" * 501])
def test_bad_questions_get_a_clear_message_not_an_error(client, content, question):
    response = client.get("/en/assistant/answer.json", {"q": question})
    assert response.status_code == 400 and response.json()["error"]
    response = client.get("/en/assistant/", {"q": question})
    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").select_one(".field__error")


def test_about_thirty_questions_a_minute_then_429(client, content):
    statuses = [
        client.get("/en/assistant/answer.json", {"q": "emf"}).status_code for _ in range(31)
    ]
    assert statuses[:30] == [200] * 30
    assert statuses[30] == 429
    response = client.get("/en/assistant/", {"q": "emf"})
    assert response.status_code == 429 and b"wait a minute" in response.content
    other = client.get("/en/assistant/answer.json", {"q": "emf"}, REMOTE_ADDR="10.1.1.1")
    assert other.status_code == 200


def test_answer_page_carries_no_csrf_token_cookie_or_session(client, content):
    response = client.get("/en/assistant/", {"q": "how much can I get from EMF"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert not soup.select("input[name=csrfmiddlewaretoken]")
    assert not {"sessionid", "csrftoken"} & set(response.cookies)
    assert soup.select_one(".assistant-answer a[href='/en/schemes/emf/#funding-amount']")
    assert soup.select_one("form.assistant-feedback input[name=token]")


def _feedback(client, question, helpful, prefix="en"):
    response = client.get(f"/{prefix}/assistant/", {"q": question})
    soup = BeautifulSoup(response.content, "html.parser")
    token = soup.select_one("form.assistant-feedback input[name=token]")["value"]
    return client.post(f"/{prefix}/assistant/feedback/", {"token": token, "helpful": helpful})


def test_helpful_feedback_suggests_the_question_as_a_phrasing(content):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = _feedback(client, "how much can I get from EMF", "yes")
    assert response.status_code == 200 and b"Thank you" in response.content
    assert "no-cache" in response["Cache-Control"]
    assert SuggestedPhrasing.objects.get().text == "how much can I get from EMF"


def test_unhelpful_feedback_logs_the_question_without_address(client, content):
    _feedback(client, "how much can I get from EMF", "no", prefix="tc")
    logged = LoggedQuestion.objects.get()
    assert (logged.text, logged.outcome, logged.language) == (
        "how much can I get from EMF",
        "unhelpful",
        "tc",
    )
    assert logged.answered_with == f"answer:{content.pk}"


def test_feedback_with_a_forged_token_is_refused(client, content):
    response = client.post("/en/assistant/feedback/", {"token": "forged", "helpful": "yes"})
    assert response.status_code == 400
    assert not SuggestedPhrasing.objects.exists()


def test_unpublished_content_is_not_answered(client, content):
    content.status = content.Status.DRAFT
    content.save()
    data = client.get("/en/assistant/answer.json", {"q": "how much can I get from the emf"}).json()
    assert "Up to HKD100,000" not in data["answer"]


def test_edits_reach_the_index_at_once(client, content):
    Notice.objects.filter(slug="chatbot").update(enquiry_phone="2398 0000")
    client.get("/en/assistant/answer.json", {"q": "pizza"})
    make_answer(question_en="Pizza?", answer_en="<p>No pizza here.</p>", links="notices/chatbot/")
    data = client.get("/en/assistant/answer.json", {"q": "pizza"}).json()
    assert "No pizza here." in data["answer"]


def test_a_synonym_staff_add_is_used_at_once(client, content):
    from tests.assistant.factories import make_synonyms

    assert (
        "could not find"
        in client.get("/en/assistant/answer.json", {"q": "rebate"}).json()["answer"]
    )
    make_synonyms("rebate", "grant")
    data = client.get("/en/assistant/answer.json", {"q": "rebate"}).json()
    assert data["links"][0]["url"].startswith("/en/schemes/emf/")
