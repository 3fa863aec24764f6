"""Staff keep the rules current: inline on the scheme page, questions in their own admin."""

import pytest
from reversion.models import Version

from portal.models import PendingRevision
from portal.roles import EDITOR, PUBLISHER
from schemes.models import EligibilityQuestion, EligibilityRule
from tests.portal.factories import make_staff, sign_in
from tests.schemes.factories import add_rule, make_question, make_scheme

pytestmark = pytest.mark.django_db


def scheme_form(scheme, **rule_fields):
    """The scheme's change form as the browser posts it, with one new rule."""
    data = {
        "slug": scheme.slug,
        "name_en": scheme.name_en,
        "name_zh_hant": scheme.name_zh_hant,
        "summary_en": scheme.summary_en,
        "summary_zh_hant": scheme.summary_zh_hant,
        "organisation": scheme.organisation_id,
        "support_type": scheme.support_type,
        "applicant": scheme.applicant,
        "information_as_at": "2019-09-27",
        "last_reviewed": "2019-09-27",
        "opened_version": scheme.updated_at.isoformat(),
        "status": scheme.status,
    }
    for prefix, total in (("sections", 0), ("contacts", 0), ("eligibility_rules", 1)):
        data |= {
            f"{prefix}-TOTAL_FORMS": str(total),
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    data |= {f"eligibility_rules-0-{name}": value for name, value in rule_fields.items()}
    return data


@pytest.fixture
def listed():
    return make_question("listed", "yes", "no")


def rule_fields(question, passing, failing=()):
    options = {option.value: option.pk for option in question.options.all()}
    return {
        "order": "1",
        "question": str(question.pk),
        "passing_options": [options[v] for v in passing],
        "failing_options": [options[v] for v in failing],
        "source_text_en": "It shall not be listed.",
        "source_text_zh_hant": "不可上市。",
        "section_anchor": "eligibility",
    }


def test_a_publisher_adds_a_rule_on_the_scheme_page_and_it_is_kept_in_history(client, listed):
    scheme = make_scheme()
    sign_in(client, make_staff(role=PUBLISHER))
    url = f"/admin/schemes/scheme/{scheme.pk}/change/"
    page = client.get(url).content.decode()
    assert "eligibility_rules-TOTAL_FORMS" in page
    response = client.post(url, scheme_form(scheme, **rule_fields(listed, ["no"], ["yes"])))
    assert response.status_code == 302, response.content.decode()[:3000]
    rule = EligibilityRule.objects.get(scheme=scheme)
    assert [o.value for o in rule.passing_options.all()] == ["no"]
    revision = Version.objects.get_for_object(scheme).first().revision
    assert any(v.content_type.model == "eligibilityrule" for v in revision.version_set.all())


def test_an_editors_new_rule_on_a_published_scheme_waits_for_a_publisher(client, listed):
    scheme = make_scheme()
    sign_in(client, make_staff(role=EDITOR))
    url = f"/admin/schemes/scheme/{scheme.pk}/change/"
    response = client.post(url, scheme_form(scheme, **rule_fields(listed, ["no"], ["yes"])))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not EligibilityRule.objects.filter(scheme=scheme).exists()
    [rule] = [r for r in PendingRevision.objects.get().snapshot if r["model"].endswith("rule")]
    no = listed.options.get(value="no")
    assert rule["fields"]["passing_options"] == [no.pk]


def test_a_rule_cannot_use_another_questions_answers_or_one_answer_both_ways(client, listed):
    other = make_question("agent", "yes", "no")
    scheme = make_scheme()
    sign_in(client, make_staff(role=EDITOR))
    url = f"/admin/schemes/scheme/{scheme.pk}/change/"
    fields = rule_fields(listed, ["no"], ["no"])
    fields["passing_options"] = [other.options.get(value="yes").pk]
    response = client.post(url, scheme_form(scheme, **fields))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose only answers to this rule" in page
    assert not EligibilityRule.objects.exists()
    response = client.post(url, scheme_form(scheme, **rule_fields(listed, ["no"], ["no"])))
    assert "An answer cannot both meet and fail the rule." in response.content.decode()


def test_editors_edit_questions_and_their_answers_in_both_languages(client, listed):
    sign_in(client, make_staff(role=EDITOR))
    url = f"/admin/schemes/eligibilityquestion/{listed.pk}/change/"
    assert client.get(url).status_code == 200
    options = list(listed.options.all())
    data = {
        "key": "listed",
        "order": "5",
        "kind": "choice",
        "text_en": "Is it listed on a stock exchange?",
        "text_zh_hant": "是否上市？",
        "options-TOTAL_FORMS": "2",
        "options-INITIAL_FORMS": "2",
        "options-MIN_NUM_FORMS": "0",
        "options-MAX_NUM_FORMS": "1000",
    }
    for i, option in enumerate(options):
        data |= {
            f"options-{i}-id": str(option.pk),
            f"options-{i}-question": str(listed.pk),
            f"options-{i}-order": str(i),
            f"options-{i}-value": option.value,
            f"options-{i}-label_en": option.label_en,
            f"options-{i}-label_zh_hant": option.label_zh_hant,
        }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert EligibilityQuestion.objects.get().text_en == "Is it listed on a stock exchange?"
    assert Version.objects.get_for_object(listed).exists()


def test_a_question_that_rules_use_cannot_be_deleted(client, listed):
    add_rule(make_scheme(), listed, passing=("no",))
    sign_in(client, make_staff(role=PUBLISHER))
    response = client.post(
        f"/admin/schemes/eligibilityquestion/{listed.pk}/delete/", {"post": "yes"}
    )
    assert EligibilityQuestion.objects.filter(pk=listed.pk).exists()
    assert response.status_code in (200, 403)
