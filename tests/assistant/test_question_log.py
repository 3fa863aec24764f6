"""The staff queue of questions without a good answer: one row per question with a count,
bounded, and each "Did this help?" token answers once."""

import pytest
from bs4 import BeautifulSoup

from assistant import services
from assistant.models import LoggedQuestion, SuggestedPhrasing
from tests.assistant.test_views import content  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def ask(client, question, prefix="en"):
    return client.get(f"/{prefix}/assistant/answer.json", {"q": question}, REMOTE_ADDR="10.9.9.9")


def test_the_same_question_is_one_row_with_a_count(client, content):  # noqa: F811
    for question in ("pizza recipe", "Pizza  Recipe", " pizza recipe "):
        ask(client, question)
    ask(client, "pizza recipe", prefix="tc")
    rows = LoggedQuestion.objects.order_by("language")
    assert [(row.language, row.times_asked) for row in rows] == [("en", 3), ("tc", 1)]


def test_a_flood_of_distinct_questions_cannot_grow_the_queue(client, content, monkeypatch):  # noqa: F811
    monkeypatch.setattr(services, "MAX_LOGGED_QUESTIONS", 5)
    for _ in range(3):
        ask(client, "where is the car park")  # asked repeatedly: kept
    for number in range(20):
        client.get(
            "/en/assistant/answer.json",
            {"q": f"scanner probe {number} zzz"},
            REMOTE_ADDR=f"10.0.0.{number}",
        )
    assert LoggedQuestion.objects.count() == 5
    assert LoggedQuestion.objects.get(times_asked=3).text == "where is the car park"
    assert LoggedQuestion.objects.filter(text="scanner probe 19 zzz").exists()  # the newest


def feedback_token(client, question):
    page = client.get("/en/assistant/", {"q": question})
    return BeautifulSoup(page.content, "html.parser").select_one("input[name=token]")["value"]


def test_a_feedback_token_answers_once(client, content):  # noqa: F811
    token = feedback_token(client, "how much can I get from EMF")
    statuses = [
        client.post("/en/assistant/feedback/", {"token": token, "helpful": "no"}).status_code
        for _ in range(10)
    ]
    assert statuses == [200] + [400] * 9
    assert LoggedQuestion.objects.get().times_asked == 1


def test_a_helpful_token_suggests_once(client, content):  # noqa: F811
    token = feedback_token(client, "how much can I get from EMF")
    for _ in range(3):
        client.post("/en/assistant/feedback/", {"token": token, "helpful": "yes"})
    assert SuggestedPhrasing.objects.count() == 1
