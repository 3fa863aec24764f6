"""Roles: editors prepare content, publishers publish, unpublish and delete it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.models import Organisation
from portal.roles import EDITOR, PUBLISHER, roles_sync
from tests.portal.admin_forms import form_data
from tests.portal.factories import make_organisation, make_staff, sign_in

pytestmark = pytest.mark.django_db
DRAFT, PUBLISHED = Organisation.Status.DRAFT, Organisation.Status.PUBLISHED


def signed_in(client, role):
    sign_in(client, make_staff(role=role))
    return client


def change_url(organisation):
    return reverse("admin:portal_organisation_change", args=[organisation.pk])


def delete_url(organisation):
    return reverse("admin:portal_organisation_delete", args=[organisation.pk])


def test_migrations_create_both_groups():
    editor = Group.objects.get(name=EDITOR)
    publisher = Group.objects.get(name=PUBLISHER)
    editor_codes = set(editor.permissions.values_list("codename", flat=True))
    publisher_codes = set(publisher.permissions.values_list("codename", flat=True))
    assert {"add_organisation", "change_organisation", "view_organisation"} <= editor_codes
    assert "publish_content" not in editor_codes
    assert {"publish_content", "delete_organisation", "delete_conversionoverride"} <= (
        publisher_codes
    )
    assert "delete_conversionoverride" not in editor_codes


def test_roles_sync_is_idempotent():
    first = roles_sync()
    assert roles_sync() == first
    assert Group.objects.filter(name__in=[EDITOR, PUBLISHER]).count() == 2


def test_editor_cannot_publish_from_the_form(client):
    editor = signed_in(client, EDITOR)
    organisation = make_organisation(status=DRAFT)
    response = editor.get(change_url(organisation))
    assert 'name="status"' not in response.content.decode()  # shown, not editable
    data = {**form_data(response), "status": PUBLISHED, "name_en": "Edited"}
    assert editor.post(change_url(organisation), data).status_code == 302
    organisation.refresh_from_db()
    assert (organisation.name_en, organisation.status) == ("Edited", DRAFT)


def test_editor_adds_items_as_drafts(client):
    editor = signed_in(client, EDITOR)
    add_url = reverse("admin:portal_organisation_add")
    data = {
        **form_data(editor.get(add_url)),
        "name_en": "New body",
        "name_zh_hant": "新機構",
        "slug": "new-body",
        "status": PUBLISHED,
    }
    assert editor.post(add_url, data).status_code == 302
    assert Organisation.objects.get(slug="new-body").status == DRAFT


def test_publisher_publishes_from_the_form(client):
    publisher = signed_in(client, PUBLISHER)
    organisation = make_organisation(status=DRAFT)
    data = {**form_data(publisher.get(change_url(organisation))), "status": PUBLISHED}
    assert publisher.post(change_url(organisation), data).status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == PUBLISHED


def test_editor_cannot_delete_a_published_item(client):
    editor = signed_in(client, EDITOR)
    organisation = make_organisation(status=PUBLISHED)
    assert editor.get(delete_url(organisation)).status_code == 403
    assert editor.post(delete_url(organisation), {"post": "yes"}).status_code == 403
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_editor_deletes_a_draft(client):
    editor = signed_in(client, EDITOR)
    organisation = make_organisation(status=DRAFT)
    assert editor.post(delete_url(organisation), {"post": "yes"}).status_code == 302
    assert not Organisation.objects.filter(pk=organisation.pk).exists()


def test_editor_bulk_delete_refuses_published_items(client):
    editor = signed_in(client, EDITOR)
    draft = make_organisation(status=DRAFT)
    published = make_organisation(status=PUBLISHED)
    response = editor.post(
        reverse("admin:portal_organisation_changelist"),
        {"action": "delete_selected", "_selected_action": [draft.pk, published.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert Organisation.objects.count() == 2


def test_publisher_deletes_a_published_item(client):
    publisher = signed_in(client, PUBLISHER)
    organisation = make_organisation(status=PUBLISHED)
    assert publisher.post(delete_url(organisation), {"post": "yes"}).status_code == 302
    assert not Organisation.objects.filter(pk=organisation.pk).exists()


def test_publish_actions_are_for_publishers_only(client):
    url = reverse("admin:portal_organisation_changelist")
    drafts = [make_organisation(status=DRAFT), make_organisation(status=DRAFT)]
    editor_page = signed_in(client, EDITOR).get(url).content.decode()
    assert 'value="publish_selected"' not in editor_page
    client.logout()
    publisher = signed_in(client, PUBLISHER)
    assert 'value="publish_selected"' in publisher.get(url).content.decode()
    publisher.post(url, {"action": "publish_selected", "_selected_action": [d.pk for d in drafts]})
    assert set(Organisation.objects.values_list("status", flat=True)) == {PUBLISHED}


def test_an_organisation_published_content_uses_stays_published(client):
    from tests.schemes.factories import make_scheme

    publisher = signed_in(client, PUBLISHER)
    organisation = make_organisation(status=PUBLISHED)
    scheme = make_scheme(organisation=organisation, name_en="SME Loan Guarantee")
    data = {**form_data(publisher.get(change_url(organisation))), "status": DRAFT}
    response = publisher.post(change_url(organisation), data)
    assert response.status_code == 200
    [message] = response.context["adminform"].form.errors["status"]
    assert "SME Loan Guarantee" in message
    url = reverse("admin:portal_organisation_changelist")
    publisher.post(url, {"action": "unpublish_selected", "_selected_action": [organisation.pk]})
    organisation.refresh_from_db()
    assert organisation.status == PUBLISHED
    # Once nothing published names it, it may go.
    scheme.status = DRAFT
    scheme.save()
    assert publisher.post(change_url(organisation), data).status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == DRAFT
