"""The record of who did what: written by the admin, read-only there, pruned after a while."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from portal.audit import audit_prune, audit_record
from portal.models import AuditEntry, Organisation
from portal.roles import PUBLISHER
from tests.portal.admin_forms import form_data
from tests.portal.factories import make_organisation, make_staff, sign_in

pytestmark = pytest.mark.django_db
Action = AuditEntry.Action
DRAFT, PUBLISHED = Organisation.Status.DRAFT, Organisation.Status.PUBLISHED
PASSWORD = "correct horse battery staple"


def entries(action):
    return list(AuditEntry.objects.filter(action=action).values_list("username", "target"))


def test_sign_ins_and_wrong_passwords_are_recorded(client):
    make_staff(username="maria")
    client.post(reverse("admin:login"), {"username": "maria", "password": "wrong"})
    client.post(reverse("admin:login"), {"username": "nobody", "password": "wrong"})
    client.post(reverse("admin:login"), {"username": "maria", "password": PASSWORD})
    assert entries(Action.SIGN_IN_FAILED) == [("nobody", ""), ("maria", "")]
    assert entries(Action.SIGNED_IN) == [("maria", "")]
    assert AuditEntry.objects.filter(action=Action.SIGNED_IN).get().address == "127.0.0.1"


def test_publishing_from_the_list_and_the_form_is_recorded(client):
    publisher = sign_in(client, make_staff(role=PUBLISHER, username="chan"))
    first = make_organisation(status=DRAFT, name_en="Trade Department")
    second = make_organisation(status=PUBLISHED)
    client.post(
        reverse("admin:portal_organisation_changelist"),
        {"action": "publish_selected", "_selected_action": [first.pk, second.pk]},
    )
    assert entries(Action.PUBLISHED) == [("chan", "Organisation: Trade Department")]

    change_url = reverse("admin:portal_organisation_change", args=[first.pk])
    data = {**form_data(client.get(change_url)), "status": DRAFT}
    assert client.post(change_url, data).status_code == 302
    entry = AuditEntry.objects.get(action=Action.UNPUBLISHED)
    assert (entry.user, entry.target) == (publisher, "Organisation: Trade Department")


def test_deletions_are_recorded(client):
    sign_in(client, make_staff(role=PUBLISHER, username="chan"))
    organisation = make_organisation(status=DRAFT, name_en="Old body")
    delete_url = reverse("admin:portal_organisation_delete", args=[organisation.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 302
    assert entries(Action.DELETED) == [("chan", "Organisation: Old body")]


def test_removing_a_staff_account_is_recorded(client):
    sign_in(client, make_staff(superuser=True, username="admin"))
    leaver = make_staff(username="leaver")
    client.post(reverse("admin:auth_user_delete", args=[leaver.pk]), {"post": "yes"})
    assert entries(Action.DELETED) == [("admin", "User: leaver")]


def test_administrators_read_the_record_and_nobody_edits_it(client):
    entry = audit_record(action=Action.SIGN_IN_FAILED, username="someone")
    sign_in(client, make_staff(superuser=True))
    changelist = reverse("admin:portal_auditentry_changelist")
    page = client.get(changelist)
    assert page.status_code == 200
    assert "someone" in page.content.decode()
    assert 'name="action"' not in page.content.decode()  # no bulk delete
    assert client.get(reverse("admin:portal_auditentry_add")).status_code == 403
    change = client.get(reverse("admin:portal_auditentry_change", args=[entry.pk]))
    assert 'type="submit" value="Save"' not in change.content.decode()
    delete = reverse("admin:portal_auditentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_staff_who_are_not_administrators_cannot_see_the_record(client):
    sign_in(client, make_staff(role=PUBLISHER))
    assert client.get(reverse("admin:portal_auditentry_changelist")).status_code == 403


def test_old_entries_are_pruned_after_the_retention_period(settings):
    now = timezone.now()
    old = audit_record(action=Action.SIGN_IN_FAILED, username="old")
    AuditEntry.objects.filter(pk=old.pk).update(at=now - datetime.timedelta(days=400))
    recent = audit_record(action=Action.SIGN_IN_FAILED, username="recent")
    assert audit_prune(days=365, now=now) == 1
    assert list(AuditEntry.objects.all()) == [recent]

    settings.AUDIT_RETENTION_DAYS = 0
    output = io.StringIO()
    call_command("prune_audit", stdout=output)
    assert "Deleted 1 audit record entries older than 0 days." in output.getvalue()
    assert not AuditEntry.objects.exists()
