"""An editor's change to a published item waits for a publisher; the public sees the live rows."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from alerts.models import Change
from portal.models import AuditEntry, PendingRevision, PublishingStep
from portal.roles import EDITOR, PUBLISHER
from schemes.models import Scheme, SchemeSection
from tests.portal.admin_forms import action_form_data, form_data
from tests.portal.factories import make_staff, sign_in
from tests.schemes.factories import add_contact, add_section, make_scheme

pytestmark = pytest.mark.django_db
ADMINISTRATOR = "administrator"


def change_url(item):
    return reverse("admin:schemes_scheme_change", args=[item.pk])


def publishing_url(item):
    return reverse("admin:schemes_scheme_publishing", args=[item.pk])


def save(client, item, **changes):
    data = {**form_data(client.get(change_url(item))), **changes}
    response = client.post(change_url(item), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def publish(client, item, url=None, **fields):
    url = url or publishing_url(item)
    return client.post(url, action_form_data(client.get(url), "publish", **fields))


def signed_in(role, username=None):
    client = Client()
    if role == ADMINISTRATOR:
        sign_in(client, make_staff(superuser=True, username=username))
    else:
        sign_in(client, make_staff(role=role, username=username))
    return client


@pytest.fixture
def scheme():
    scheme = make_scheme(slug="sgs", name_en="SME Loan Guarantee", max_funding_hkd=200000)
    add_section(scheme, anchor="objective", body_en="<p>Loans for SMEs.</p>")
    add_contact(scheme, "phone", "2398 5129")
    return scheme


def test_an_editors_change_to_a_published_item_waits_and_the_public_sees_the_live_one(
    client, scheme
):
    editor = signed_in(EDITOR, "wong")
    save(
        editor,
        scheme,
        max_funding_hkd="250000",
        **{
            "sections-0-body_en": "<p>Loans and microfinance for SMEs.</p>",
            "contacts-0-DELETE": "on",
        },
    )

    scheme.refresh_from_db()
    assert scheme.max_funding_hkd == 200000
    assert scheme.sections.get().body_en == "<p>Loans for SMEs.</p>"
    assert scheme.contacts.count() == 1
    public = client.get("/en/schemes/sgs/").content.decode()
    assert "200,000" in public and "250,000" not in public
    assert "microfinance" not in public
    search = client.get("/en/search/", {"q": "microfinance"}).content.decode()
    assert "/schemes/sgs/" not in search
    pending = PendingRevision.objects.get()
    assert pending.saved_by.username == "wong"
    assert not Version.objects.get_for_object(scheme).exists()  # not in the history: not live
    step = PublishingStep.objects.get()
    assert step.action == PublishingStep.Action.CHANGES_SAVED


def test_the_form_and_the_preview_in_three_languages_show_the_pending_changes(scheme):
    editor = signed_in(EDITOR)
    save(editor, scheme, max_funding_hkd="250000", name_zh_hant="中小企業信貸保證計劃（新）")
    form = form_data(editor.get(change_url(scheme)))
    assert form["max_funding_hkd"] == "250000"
    for prefix, expected in (("en", "250,000"), ("tc", "計劃（新）"), ("sc", "计划（新）")):
        page = editor.get(f"/{prefix}/schemes/sgs/?preview=1").content.decode()
        assert expected in page, prefix
        assert "preview-banner" in page
    banner = editor.get("/en/schemes/sgs/?preview=1").content.decode()
    assert "Preview – changes not yet published" in banner
    scheme.refresh_from_db()
    assert scheme.max_funding_hkd == 200000


def test_a_second_edit_adds_to_the_pending_changes_and_new_sections_keep_their_ids(scheme):
    editor = signed_in(EDITOR)
    data = form_data(editor.get(change_url(scheme)))
    data.update(
        {
            "sections-TOTAL_FORMS": "2",
            "sections-1-order": "1",
            "sections-1-anchor": "eligibility",
            "sections-1-heading_en": "Eligibility",
            "sections-1-heading_zh_hant": "資格",
            "sections-1-body_en": "<p>Hong Kong businesses.</p>",
            "sections-1-body_zh_hant": "<p>香港企業。</p>",
        }
    )
    assert editor.post(change_url(scheme), data).status_code == 302
    assert SchemeSection.objects.filter(anchor="eligibility").count() == 0
    # Another scheme's new section must not take the id the pending section has.
    other = make_scheme()
    add_section(other, anchor="objective")
    save(editor, scheme, max_funding_hkd="300000")
    pending = PendingRevision.objects.get()
    sections = [r for r in pending.snapshot if r["model"] == "schemes.schemesection"]
    anchors = [record["fields"]["anchor"] for record in sections]
    assert anchors == ["objective", "eligibility"]

    publisher = signed_in(PUBLISHER)
    assert publish(publisher, scheme).status_code == 302
    assert list(scheme.sections.values_list("anchor", flat=True)) == ["objective", "eligibility"]
    assert list(other.sections.values_list("anchor", flat=True)) == ["objective"]
    scheme.refresh_from_db()
    assert scheme.max_funding_hkd == 300000


def test_a_publisher_publishes_the_changes_as_one_version_in_the_history(client, scheme):
    save(signed_in(EDITOR, "wong"), scheme, max_funding_hkd="250000", **{"contacts-0-DELETE": "on"})
    publisher = signed_in(PUBLISHER, "chan")
    page = BeautifulSoup(publisher.get(publishing_url(scheme)).content, "html.parser")
    diff = " ".join(page.find("table", class_="version-diff").stripped_strings)
    assert "Maximum funding (HKD)" in diff and "250 ,000" in diff
    response = publish(publisher, scheme)
    assert response.status_code == 302

    scheme.refresh_from_db()
    assert scheme.max_funding_hkd == 250000
    assert scheme.contacts.count() == 0
    assert scheme.updated_by.username == "chan"
    assert "250,000" in client.get("/en/schemes/sgs/").content.decode()
    assert not PendingRevision.objects.exists()
    version = Version.objects.get_for_object(scheme).get()
    assert version.revision.user.username == "chan"
    assert "wong" in version.revision.comment
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CHANGES_PUBLISHED).count() == 1
    history = publisher.get(reverse("admin:schemes_scheme_history", args=[scheme.pk]))
    steps = BeautifulSoup(history.content, "html.parser").find("table", class_="publishing-steps")
    assert [row.find_all("td")[1].get_text() for row in steps.tbody.find_all("tr")] == [
        "Published",
        "Saved changes for a publisher",
    ]


def test_publishing_keeps_the_live_publishing_state(scheme):
    save(signed_in(EDITOR), scheme, max_funding_hkd="250000")
    Scheme.objects.filter(pk=scheme.pk).update(status=Scheme.Status.DRAFT)
    publish(signed_in(PUBLISHER), scheme)
    scheme.refresh_from_db()
    assert (scheme.status, scheme.max_funding_hkd) == (Scheme.Status.DRAFT, 250000)


def test_a_publisher_discards_the_changes(scheme):
    save(signed_in(EDITOR), scheme, max_funding_hkd="250000")
    publisher = signed_in(PUBLISHER)
    assert publisher.post(publishing_url(scheme), {"action": "discard"}).status_code == 302
    scheme.refresh_from_db()
    assert scheme.max_funding_hkd == 200000
    assert not PendingRevision.objects.exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CHANGES_DISCARDED).exists()


@pytest.mark.parametrize("action", ["publish", "discard"])
def test_an_editor_cannot_publish_or_discard_by_a_crafted_post(scheme, action):
    editor = signed_in(EDITOR)
    save(editor, scheme, max_funding_hkd="250000")
    assert editor.post(publishing_url(scheme), {"action": action}).status_code == 403
    scheme.refresh_from_db()
    assert scheme.max_funding_hkd == 200000
    assert PendingRevision.objects.exists()


def test_an_editor_cannot_publish_by_posting_the_publishing_fields(scheme):
    editor = signed_in(EDITOR)
    Scheme.objects.filter(pk=scheme.pk).update(status=Scheme.Status.PUBLISHED)
    save(editor, scheme, status="draft", significant_change="on", max_funding_hkd="1")
    scheme.refresh_from_db()
    assert (scheme.status, scheme.max_funding_hkd) == (Scheme.Status.PUBLISHED, 200000)
    assert not Change.objects.exists()


def test_an_editors_restore_of_a_published_item_waits_too(scheme):
    publisher = signed_in(PUBLISHER)
    save(publisher, scheme, max_funding_hkd="210000")
    save(publisher, scheme, max_funding_hkd="220000")
    oldest = Version.objects.get_for_object(scheme).last()
    editor = signed_in(EDITOR)
    url = reverse("admin:schemes_scheme_revision", args=[scheme.pk, oldest.pk])
    assert editor.post(url, form_data(editor.get(url))).status_code == 302
    scheme.refresh_from_db()
    assert scheme.max_funding_hkd == 220000
    pending = PendingRevision.objects.get()
    assert pending.snapshot[0]["fields"]["max_funding_hkd"] == 210000


@pytest.mark.parametrize("role", [PUBLISHER, ADMINISTRATOR])
def test_a_publishers_own_edit_goes_live_at_once_and_an_editors_draft_edit_too(scheme, role):
    save(signed_in(role), scheme, max_funding_hkd="250000")
    scheme.refresh_from_db()
    assert scheme.max_funding_hkd == 250000
    draft = make_scheme(status=Scheme.Status.DRAFT, max_funding_hkd=1)
    save(signed_in(EDITOR), draft, max_funding_hkd="2")
    draft.refresh_from_db()
    assert draft.max_funding_hkd == 2
    assert not PendingRevision.objects.exists()


def test_a_publisher_saving_the_form_publishes_the_pending_changes_with_their_own(scheme):
    save(signed_in(EDITOR), scheme, max_funding_hkd="250000")
    save(signed_in(PUBLISHER), scheme, fees_en="None")
    scheme.refresh_from_db()
    assert (scheme.max_funding_hkd, scheme.fees_en) == (250000, "None")
    assert not PendingRevision.objects.exists()
    assert PublishingStep.objects.filter(action=PublishingStep.Action.PUBLISHED).exists()


def test_a_pending_change_and_a_publishers_direct_edit_do_not_overwrite_each_other(scheme):
    editor, publisher = signed_in(EDITOR, "wong"), signed_in(PUBLISHER, "chan")
    publisher_form = form_data(publisher.get(change_url(scheme)))
    save(editor, scheme, max_funding_hkd="250000")

    response = publisher.post(change_url(scheme), {**publisher_form, "fees_en": "None"})
    assert response.status_code == 200
    [message] = response.context["adminform"].form.non_field_errors()
    assert "wong saved this item" in message
    scheme.refresh_from_db()
    assert not scheme.fees_en and scheme.max_funding_hkd == 200000
    assert PendingRevision.objects.exists()

    # And the other way round: the editor's form is older than the publisher's save.
    editor_form = form_data(editor.get(change_url(scheme)))
    publish(publisher, scheme)
    response = editor.post(change_url(scheme), {**editor_form, "fees_en": "HK$100"})
    assert response.status_code == 200
    assert "chan saved this item" in response.context["adminform"].form.non_field_errors()[0]
    assert not PendingRevision.objects.exists()


def test_changes_that_no_longer_apply_are_refused_with_a_reason_not_an_error(scheme):
    save(signed_in(EDITOR), scheme, slug="sgs-2")
    make_scheme(slug="sgs-2")
    publisher = signed_in(PUBLISHER)
    url = publishing_url(scheme)
    response = publisher.post(url, action_form_data(publisher.get(url), "publish"), follow=True)
    assert response.status_code == 200
    assert "Not published" in response.content.decode()
    scheme.refresh_from_db()
    assert scheme.slug == "sgs"
    assert publisher.get(change_url(scheme)).status_code == 200


def test_alerts_are_recorded_when_the_changes_go_live_not_when_saved():
    from events.models import Event
    from tests.events.factories import make_event

    event = make_event(slug="expo")
    editor = signed_in(EDITOR)
    url = reverse("admin:events_event_change", args=[event.pk])
    data = {**form_data(editor.get(url)), "event_status": Event.EventStatus.CANCELLED}
    assert editor.post(url, data).status_code == 302
    assert not Change.objects.exists()
    event.refresh_from_db()
    assert event.event_status == Event.EventStatus.SCHEDULED
    publishing = reverse("admin:events_event_publishing", args=[event.pk])
    publish(signed_in(PUBLISHER), event, url=publishing)
    assert list(Change.objects.values_list("reason", flat=True)) == ["cancelled"]


def test_deleting_an_item_deletes_its_pending_changes(scheme):
    save(signed_in(EDITOR), scheme, max_funding_hkd="250000")
    publisher = signed_in(PUBLISHER)
    url = reverse("admin:schemes_scheme_delete", args=[scheme.pk])
    assert publisher.post(url, {"post": "yes"}).status_code == 302
    assert not PendingRevision.objects.exists()


def test_changes_saved_again_after_the_publisher_opened_the_page_are_not_published(scheme):
    editor, publisher = signed_in(EDITOR), signed_in(PUBLISHER)
    save(editor, scheme, max_funding_hkd="250000")
    page = publisher.get(publishing_url(scheme))
    save(editor, scheme, max_funding_hkd="9999999")
    response = publisher.post(publishing_url(scheme), action_form_data(page, "publish"))
    assert response.status_code == 302
    scheme.refresh_from_db()
    assert scheme.max_funding_hkd == 200000
    assert PendingRevision.objects.exists()


def test_an_editors_save_without_changes_leaves_nothing_waiting(scheme):
    save(signed_in(EDITOR), scheme)
    assert not PendingRevision.objects.exists()
    assert not PublishingStep.objects.exists()
