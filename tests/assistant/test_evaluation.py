import pytest
from django.core.management import call_command

from tests.assistant.evaluation import evaluate, report

pytestmark = pytest.mark.django_db


def test_seeded_assistant_finds_the_right_page_in_the_top_three_for_95_percent(client):
    """The evaluation set in every language (make eval prints the same report)."""
    call_command("load_seed", verbosity=0)
    results = evaluate(client)
    assert all(result.total >= 30 for result in results.values())
    assert all(result.top_three_rate >= 0.95 for result in results.values()), report(results)


def test_loading_the_seed_again_updates_the_same_answers():
    call_command("load_seed", verbosity=0)
    call_command("load_seed", verbosity=0)
    from assistant.models import CuratedAnswer, SynonymGroup

    assert CuratedAnswer.objects.published().count() >= 30
    assert CuratedAnswer.objects.count() == CuratedAnswer.objects.published().count()
    assert SynonymGroup.objects.filter(terms__contains="展銷").exists()


@pytest.mark.parametrize(
    ("prefix", "question"),
    [
        ("en", "pizza recipe"),
        ("en", "how do I renew my driving licence"),
        ("en", "what is the meaning of life"),
        ("tc", "天氣點樣"),
        ("tc", "邊度有好嘢食"),
        ("sc", "我想开餐厅"),
    ],
)
def test_questions_our_pages_do_not_answer_get_tid_staff_not_a_random_page(
    client, prefix, question
):
    call_command("load_seed", verbosity=0)
    data = client.get(f"/{prefix}/assistant/answer.json", {"q": question}).json()
    assert "2398 5133" in data["answer"]
    assert [link["url"] for link in data["links"]] == [f"/{prefix}/notices/chatbot/"]
