import pytest
from django.core.management import call_command

from tests.assistant.eval_colloquial import COLLOQUIAL
from tests.assistant.eval_out_of_scope import OUT_OF_SCOPE
from tests.assistant.evaluation import MIN_HONESTY, MIN_TOP_THREE, evaluate, report

pytestmark = pytest.mark.django_db

# Strict, so the marker must go when the engine meets the bar. Measured 7/12: public housing,
# trademarks, company registration, the minimum wage and a wage subsidy are still answered
# with a page. Not tuned on (see eval_out_of_scope.py).
NOT_YET = pytest.mark.xfail(strict=True, reason="issue 21: held-out out-of-scope 7/12 < 90%")


@pytest.fixture
def seeded_results(client):
    call_command("load_seed", verbosity=0)
    return lambda *names: evaluate(client, names)


def assert_top_three(results):
    for by_language in results.values():
        assert all(r.top_three_rate >= MIN_TOP_THREE for r in by_language.values()), report(results)


def test_seeded_assistant_finds_the_right_page_in_the_top_three_for_95_percent(seeded_results):
    """The formal set in every language (make eval prints the same report)."""
    results = seeded_results("formal")
    assert all(result.total >= 30 for result in results["formal"].values())
    assert_top_three(results)


def test_questions_as_owners_type_them_find_the_right_page_in_the_top_three(seeded_results):
    assert_top_three(seeded_results("colloquial"))


def test_held_out_questions_nobody_tuned_on_find_the_right_page_in_the_top_three(seeded_results):
    assert_top_three(seeded_results("colloquial, held out"))


def test_follow_up_questions_are_answered_in_the_context_of_the_previous_one(seeded_results):
    assert_top_three(seeded_results("follow-up"))


def _honesty(results) -> float:
    honest = sum(result.honest for result in results.values())
    return honest / sum(result.total for result in results.values())


def test_questions_about_what_the_site_lacks_get_no_information_not_another_page(
    seeded_results,
):
    """At least 90% of out-of-scope questions, all languages together."""
    results = seeded_results("out of scope")
    assert _honesty(results["out of scope"]) >= MIN_HONESTY, report(results)


@NOT_YET
def test_held_out_questions_about_what_the_site_lacks_get_no_information(seeded_results):
    """The same bar on the third kept aside, which nobody tuned on."""
    results = seeded_results("out of scope, held out")
    assert _honesty(results["out of scope, held out"]) >= MIN_HONESTY, report(results)


def test_the_sets_are_as_large_as_issue_21_asks_and_a_third_is_held_out():
    for questions in COLLOQUIAL.values():
        assert len(questions) >= 50
        assert sum(question.held_out for question in questions) * 3 == len(questions)
    assert sum(len(questions) for questions in OUT_OF_SCOPE.values()) >= 20
    for questions in OUT_OF_SCOPE.values():
        assert sum(question.held_out for question in questions) * 3 == len(questions)


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
def test_questions_our_pages_do_not_answer_lead_to_the_finder_the_check_and_tid_staff(
    client, prefix, question
):
    call_command("load_seed", verbosity=0)
    data = client.get(f"/{prefix}/assistant/answer.json", {"q": question}).json()
    assert data["matched"] is False and "2398 5133" in data["answer"]
    assert [link["url"].partition("?")[0] for link in data["links"]] == [
        f"/{prefix}/schemes/",
        f"/{prefix}/schemes/check/",
        f"/{prefix}/notices/chatbot/",
    ]
