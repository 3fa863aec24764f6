import pytest
from bs4 import BeautifulSoup

from assistant.models import LoggedQuestion
from tests.notices.factories import make_notice
from tests.schemes.factories import add_section, make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_schemes():
    make_notice(slug="chatbot", title_en="Chatbot Function", enquiry_phone="2398 5133")
    for slug, name in [("emf", "Export Marketing Fund"), ("sgs", "Loan Guarantee Scheme")]:
        scheme = make_scheme(slug=slug, name_en=name, name_zh_hant=name)
        add_section(scheme, anchor="amount", heading_en="Maximum amount",
                    body_en=f"<p>The {name} pays at most HKD100,000.</p>")  # fmt: skip


def _first_link(client, question, **params):
    data = client.get("/en/assistant/answer.json", {"q": question, **params}).json()
    return data["links"][0]["url"]


def test_a_follow_up_is_answered_about_the_subject_of_the_previous_question(client, two_schemes):
    assert _first_link(client, "maximum amount?", previous="loan guarantee").startswith(
        "/en/schemes/sgs/"
    )
    assert _first_link(client, "maximum amount?", previous="export fund").startswith(
        "/en/schemes/emf/"
    )


def test_the_page_without_javascript_carries_the_question_for_the_next_one(client, two_schemes):
    response = client.get("/en/assistant/", {"q": "export marketing fund"})
    form = BeautifulSoup(response.content, "html.parser").select_one("form.assistant-form")
    assert form.select_one("input[name=previous]")["value"] == "export marketing fund"
    follow_up = client.get("/en/assistant/", {"q": "maximum amount?", "previous": "loan guarantee"})
    soup = BeautifulSoup(follow_up.content, "html.parser")
    assert soup.select_one(".assistant-links a")["href"].startswith("/en/schemes/sgs/")


def test_a_first_question_carries_no_previous(client, two_schemes):
    soup = BeautifulSoup(client.get("/en/assistant/").content, "html.parser")
    assert not soup.select("input[name=previous]")


def test_personal_data_in_the_previous_question_is_ignored_and_never_echoed(client, two_schemes):
    previous = "loan guarantee, my HKID is A123456(3)"
    response = client.get(
        "/en/assistant/", {"q": "maximum amount?", "previous": previous}, follow=True
    )
    assert response.redirect_chain == [("/en/assistant/?q=maximum+amount%3F", 302)]
    assert b"A123456" not in response.content
    data = client.get(
        "/en/assistant/answer.json", {"q": "maximum amount?", "previous": previous}
    ).json()
    assert "A123456" not in str(data)


def test_personal_data_in_both_questions_is_refused_without_echo(client, two_schemes):
    previous, question = "my HKID is A123456(3)", "call me on 9123 4567"
    response = client.get("/en/assistant/", {"q": question, "previous": previous}, follow=True)
    assert response.redirect_chain[-1] == ("/en/assistant/?refused=1", 302)
    assert b"A123456" not in response.content and b"9123" not in response.content


def test_the_previous_question_is_never_stored(client, two_schemes):
    client.get("/en/assistant/answer.json", {"q": "pizza recipe", "previous": "loan guarantee"})
    assert list(LoggedQuestion.objects.values_list("text", flat=True)) == ["pizza recipe"]


def test_an_overlong_or_broken_previous_question_is_not_an_error(client, two_schemes):
    for previous in ["x" * 5000, "   "]:
        response = client.get("/en/assistant/answer.json", {"q": "emf", "previous": previous})
        assert response.status_code == 200
    # A control character is refused by the input cleaner for every parameter (a clear 400).
    response = client.get("/en/assistant/answer.json", {"q": "emf", "previous": "\x00"})
    assert response.status_code == 400 and response.json()["error"]


def test_a_follow_up_naming_no_page_leans_on_the_last_answer(client, two_schemes):
    """Another page has every word of "how many people at least"; the scheme asked about
    before, which has only some of them, is still what the visitor means."""
    mic = make_scheme(slug="mic", name_en="MIC Group Funding", name_zh_hant="會獎團體資助")
    add_section(mic, anchor="group", heading_en="Eligible group",
                body_en="<p>A group must have at least 30 people taking part.</p>")  # fmt: skip
    check = make_scheme(slug="size", name_en="Business size")
    add_section(check, anchor="staff", heading_en="Staff",
                body_en="<p>How many people does it employ? At least one.</p>")  # fmt: skip
    assert _first_link(client, "how many people at least").startswith("/en/schemes/size/")
    follow_up = _first_link(client, "how many people at least", previous="MIC group funding")
    assert follow_up == "/en/schemes/mic/#group"
    # A follow-up that names a page of its own is about that page.
    assert _first_link(client, "business size staff", previous="MIC group funding").startswith(
        "/en/schemes/size/"
    )
