"""Ready for review: editors ask, publishers are e-mailed and publish or send back with a note.

E-mails go through a real SMTP server on loopback (aiosmtpd)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from alerts.models import Change
from portal.models import AuditEntry, Organisation, PublishingStep, ReviewRequest
from portal.roles import EDITOR, PUBLISHER
from staff.services import staff_language_set
from tests.alerts.smtp import smtp_server, text_of, use_smtp
from tests.portal.admin_forms import action_form_data, form_data
from tests.portal.factories import make_organisation, make_staff, sign_in
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db
Step = PublishingStep.Action


@pytest.fixture
def mailbox(settings):
    with smtp_server() as mailbox:
        use_smtp(settings, mailbox.port)
        yield mailbox


def staff(role, username, language="en"):
    user = make_staff(role=role, username=username)
    user.email = f"{username}@tid.gov.hk"
    user.save()
    staff_language_set(user=user, language=language)
    client = Client()
    sign_in(client, user)
    return client


def publishing_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_publishing", args=[item.pk])


@pytest.fixture
def draft():
    return make_organisation(
        slug="hkmc", name_en="HKMC Insurance", name_zh_hant="香港按揭證券保險", status="draft"
    )


@pytest.fixture
def team():
    return {
        "editor": staff(EDITOR, "wong"),
        "chan": staff(PUBLISHER, "chan"),
        "lee": staff(PUBLISHER, "lee", language="zh-hant"),
    }


def test_an_editor_marks_a_draft_ready_and_each_publisher_gets_one_email_in_their_language(
    mailbox, draft, team
):
    editor = team["editor"]
    response = editor.post(publishing_url(draft), {"action": "ready", "note": "New body & logo"})
    assert response.status_code == 302
    assert len(mailbox.messages) == 2
    [english] = mailbox.to("chan@tid.gov.hk")
    [chinese] = mailbox.to("lee@tid.gov.hk")
    assert english["Subject"] == "Ready for review: HKMC Insurance"
    assert "wong marked the organisation “HKMC Insurance” ready for review." in text_of(english)
    assert "New body & logo" in text_of(english)
    assert f"http://testserver{publishing_url(draft)}" in text_of(english)
    assert chinese["Subject"] == "待審閱：香港按揭證券保險"
    assert "香港按揭證券保險" in text_of(chinese)
    assert not mailbox.to("wong@tid.gov.hk")

    # Marking it again while it waits tells nobody twice.
    editor.post(publishing_url(draft), {"action": "ready", "note": "Again"})
    assert len(mailbox.messages) == 2
    review = ReviewRequest.objects.get()
    assert (review.note, review.requested_by.username) == ("New body & logo", "wong")
    step = PublishingStep.objects.get()
    assert (step.action, step.note) == (Step.READY, "New body & logo")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.REVIEW_REQUESTED).count() == 1


def test_waiting_items_show_in_the_list_its_filter_and_on_the_admin_home(mailbox, draft, team):
    other = make_organisation(name_en="Tourism Board", status="draft")
    team["editor"].post(publishing_url(draft), {"action": "ready"})
    publisher = team["lee"]
    url = reverse("admin:portal_organisation_changelist")
    page = publisher.get(url, {"review": "waiting"}).content.decode()
    assert "香港按揭證券保險" in page and other.name_zh_hant not in page
    assert "column-review_state" in page
    home = BeautifulSoup(publisher.get(reverse("admin:index")).content, "html.parser")
    waiting = home.find(id="waiting-for-review")
    assert waiting.h2.get_text(strip=True) == "待審閱"
    assert waiting.find("a")["href"] == publishing_url(draft)
    assert "wong" in waiting.get_text()


def test_a_publisher_sends_it_back_with_a_note_which_the_editor_is_emailed(mailbox, draft, team):
    team["editor"].post(publishing_url(draft), {"action": "ready"})
    mailbox.messages.clear()
    publisher = team["chan"]
    assert publisher.post(publishing_url(draft), {"action": "send_back"}).status_code == 400
    response = publisher.post(
        publishing_url(draft), {"action": "send_back", "note": "Add the fax number."}
    )
    assert response.status_code == 302
    [message] = mailbox.messages
    assert message["To"] == "wong@tid.gov.hk"
    assert message["Subject"] == "Sent back: HKMC Insurance"
    assert "Add the fax number." in text_of(message)
    assert not ReviewRequest.objects.exists()
    assert PublishingStep.objects.filter(action=Step.SENT_BACK, note="Add the fax number.")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.SENT_BACK).exists()


def test_a_publisher_publishes_a_draft_waiting_for_review(mailbox, draft, team):
    team["editor"].post(publishing_url(draft), {"action": "ready"})
    page = team["chan"].get(publishing_url(draft))
    response = team["chan"].post(publishing_url(draft), action_form_data(page, "publish"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Organisation.Status.PUBLISHED
    assert not ReviewRequest.objects.exists()
    assert PublishingStep.objects.filter(action=Step.PUBLISHED).exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.PUBLISHED).exists()


def test_publishing_pending_changes_that_wait_for_review_ends_the_review(mailbox, team):
    from schemes.models import Scheme

    scheme = make_scheme(max_funding_hkd=200000)
    url = reverse("admin:schemes_scheme_change", args=[scheme.pk])
    editor = team["editor"]
    editor.post(url, {**form_data(editor.get(url)), "max_funding_hkd": "250000"})
    editor.post(publishing_url(scheme), {"action": "ready", "note": "New ceiling"})
    publisher = team["chan"]
    data = action_form_data(
        publisher.get(publishing_url(scheme)),
        "publish",
        significant_change="on",
        change_summary_en="New ceiling",
    )
    response = publisher.post(publishing_url(scheme), data)
    assert response.status_code == 302
    assert Scheme.objects.get().max_funding_hkd == 250000
    assert not ReviewRequest.objects.exists()
    assert list(Change.objects.values_list("reason", "summary_en")) == [("changed", "New ceiling")]


@pytest.mark.parametrize(
    "data",
    [
        {"action": "publish"},
        {"action": "send_back", "note": "No."},
        {"action": "discard"},
    ],
)
def test_an_editor_cannot_do_a_publishers_step(mailbox, draft, team, data):
    editor = team["editor"]
    editor.post(publishing_url(draft), {"action": "ready"})
    assert editor.post(publishing_url(draft), data).status_code == 403
    draft.refresh_from_db()
    assert draft.status == Organisation.Status.DRAFT
    assert ReviewRequest.objects.exists()


def test_staff_who_may_only_view_cannot_mark_ready(mailbox, draft):
    from django.contrib.auth.models import Permission

    viewer = make_staff()
    viewer.user_permissions.add(Permission.objects.get(codename="view_organisation"))
    client = Client()
    sign_in(client, viewer)
    assert client.get(publishing_url(draft)).status_code == 200
    assert client.post(publishing_url(draft), {"action": "ready"}).status_code == 403


def test_nothing_to_review_on_a_published_item_without_changes(mailbox, team):
    organisation = make_organisation()
    response = team["editor"].post(publishing_url(organisation), {"action": "ready"}, follow=True)
    assert "Nothing to review" in response.content.decode()
    assert not ReviewRequest.objects.exists()


def test_a_failing_mail_server_keeps_the_step_and_says_so(settings, draft, team):
    with smtp_server() as mailbox:
        port = mailbox.port
    use_smtp(settings, port)  # nothing listens there now
    response = team["editor"].post(publishing_url(draft), {"action": "ready"}, follow=True)
    assert response.status_code == 200
    assert "could not be sent" in response.content.decode()
    assert ReviewRequest.objects.exists()


def test_an_unknown_action_is_a_400(draft, team):
    assert team["chan"].post(publishing_url(draft), {"action": "explode"}).status_code == 400


@pytest.mark.parametrize("language, expected", [("en", "Review"), ("zh-hant", "審閱")])
def test_the_publishing_page_speaks_the_admin_language(draft, language, expected):
    client = staff(EDITOR, "ho", language=language)
    soup = BeautifulSoup(client.get(publishing_url(draft)).content, "html.parser")
    assert expected in [h2.get_text(strip=True) for h2 in soup.find_all("h2")]
