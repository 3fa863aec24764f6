import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from assistant.models import CuratedAnswer, LoggedQuestion, SuggestedPhrasing
from assistant.services import question_log
from portal.i18n.languages import BY_PREFIX
from portal.models import PendingRevision
from portal.roles import EDITOR, PUBLISHER
from tests.assistant.factories import make_answer
from tests.portal.factories import make_staff, sign_in

pytestmark = pytest.mark.django_db


def _log(text, language="en"):
    question_log(text=text, language=BY_PREFIX[language], outcome="no-match")
    return LoggedQuestion.objects.get(text=text)


def test_questions_are_grouped_by_similarity_with_counts(client):
    _log("How do I renew my business registration?")
    _log("renew business registration how")
    _log("停車場在哪裡", language="tc")
    sign_in(client, make_staff(role=EDITOR))
    response = client.get("/admin/assistant/loggedquestion/groups/")
    groups = response.context["groups"]
    assert [group.count for group in groups] == [2, 1]


def test_one_click_turns_a_group_into_a_draft_answer_with_its_phrasings(client):
    ids = [_log("renew business registration").pk, _log("how to renew business registration").pk]
    sign_in(client, make_staff(role=EDITOR))
    response = client.post("/admin/assistant/loggedquestion/groups/", {"question": ids})
    answer = CuratedAnswer.objects.get()
    assert response.url == f"/admin/assistant/curatedanswer/{answer.pk}/change/"
    assert answer.status == CuratedAnswer.Status.DRAFT
    assert answer.question_en == "renew business registration"
    assert answer.phrasings_en == "how to renew business registration"


def accept(client, role, suggestion):
    sign_in(client, make_staff(role=role))
    client.post(
        "/admin/assistant/suggestedphrasing/",
        {"action": "accept_selected", "_selected_action": [suggestion.pk]},
    )


def test_a_suggested_phrasing_is_accepted_with_one_click(client):
    answer = make_answer(question_en="What is the EMF?", phrasings_en="EMF")
    suggestion = SuggestedPhrasing.objects.create(answer=answer, text="export fund grant")
    accept(client, PUBLISHER, suggestion)
    answer.refresh_from_db()
    assert answer.phrasings_en.splitlines() == ["EMF", "export fund grant"]
    assert not SuggestedPhrasing.objects.exists()


def test_an_editors_accepted_phrasing_for_a_published_answer_waits_for_a_publisher(client):
    answer = make_answer(question_en="What is the EMF?", phrasings_en="EMF")
    suggestion = SuggestedPhrasing.objects.create(answer=answer, text="export fund grant")
    accept(client, EDITOR, suggestion)
    answer.refresh_from_db()
    assert answer.phrasings_en == "EMF"
    [pending] = PendingRevision.objects.all()
    assert pending.snapshot[0]["fields"]["phrasings_en"] == "EMF\nexport fund grant"
    assert not SuggestedPhrasing.objects.exists()


def test_editors_edit_curated_answers_in_the_content_admin(client):
    answer = make_answer()
    sign_in(client, make_staff(role=EDITOR))
    response = client.get(f"/admin/assistant/curatedanswer/{answer.pk}/change/")
    assert response.status_code == 200
    assert b"/en/assistant/answers/" in response.content  # preview links


def test_questions_last_asked_over_90_days_ago_are_deleted():
    old, new = _log("old question"), _log("new question")
    LoggedQuestion.objects.filter(pk__in=[old.pk, new.pk]).update(
        asked_at=timezone.now() - datetime.timedelta(days=91)
    )
    LoggedQuestion.objects.filter(pk=old.pk).update(
        last_asked_at=timezone.now() - datetime.timedelta(days=91)
    )
    call_command("assistant_purge_questions", verbosity=0)
    assert list(LoggedQuestion.objects.values_list("text", flat=True)) == [new.text]
