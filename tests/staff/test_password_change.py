"""A password an administrator typed is temporary: its owner changes it before anything else."""

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from portal.roles import EDITOR, PUBLISHER
from staff.services import password_change_require, password_change_required
from tests.portal.factories import authenticator_for, make_staff, one_time_code, sign_in
from tests.staff.test_two_factor import PASSWORD, enter_code, password_only

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a kettle of fish on Tuesday"


@pytest.fixture
def administrator(client):
    sign_in(client, make_staff(superuser=True, username="admin"))
    return client


def change_password(client, old=PASSWORD, new=NEW_PASSWORD):
    return client.post(
        reverse("staff:password-change"),
        {"old_password": old, "new_password1": new, "new_password2": new},
    )


def test_an_account_an_administrator_adds_must_change_its_password_before_anything(
    administrator, client
):
    response = administrator.post(
        reverse("admin:auth_user_add"),
        {
            "username": "wong",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    User.objects.filter(username="wong").update(is_staff=True)  # the next step of the form
    wong = User.objects.get(username="wong")
    assert password_change_required(wong)
    administrator.logout()

    password_only(client, wong)
    for url in (reverse("admin:index"), reverse("staff:enrol")):
        assert client.get(url)["Location"] == reverse("staff:password-change")
    page = client.get(reverse("staff:password-change"))
    assert page.status_code == 200
    assert "Choose a new password" in page.content.decode()
    assert 'id="nav-sidebar"' not in page.content.decode()  # nothing of the admin yet

    refused = change_password(client, new=PASSWORD)
    assert refused.status_code == 200
    assert "different from the one you have now" in refused.content.decode()
    assert change_password(client)["Location"] == reverse("admin:index")
    wong.refresh_from_db()
    assert not password_change_required(wong)
    assert client.get(reverse("admin:index"))["Location"] == reverse("staff:enrol")


def test_an_account_with_a_second_factor_enters_its_code_first(client):
    user = make_staff(role=PUBLISHER)
    device = authenticator_for(user)
    password_change_require(user=user)
    password_only(client, user)
    assert client.get(reverse("staff:password-change"))["Location"].startswith(
        reverse("staff:verify")
    )
    enter_code(client, one_time_code(device.bin_key))
    assert client.get(reverse("admin:index"))["Location"] == reverse("staff:password-change")
    assert change_password(client).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_an_administrator_asks_a_colleague_for_a_new_password(administrator):
    colleague = make_staff(role=EDITOR, username="ho")
    changelist = reverse("admin:auth_user_changelist")
    response = administrator.post(
        changelist, {"action": "require_password_change", "_selected_action": [colleague.pk]}
    )
    assert response.status_code == 302
    assert password_change_required(colleague)
    assert "column-must_change_password" in administrator.get(changelist).content.decode()


def test_a_password_an_administrator_sets_for_a_colleague_is_temporary(administrator):
    colleague = make_staff(role=EDITOR)
    url = reverse("admin:auth_user_password_change", args=[colleague.pk])
    response = administrator.post(
        url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"}
    )
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert password_change_required(colleague)


def test_only_administrators_ask_for_new_passwords(client):
    editor = make_staff(role=EDITOR)
    editor.user_permissions.add(Permission.objects.get(codename="change_user"))
    sign_in(client, editor)
    other = make_staff(role=EDITOR)
    client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "require_password_change", "_selected_action": [other.pk]},
    )
    assert not password_change_required(other)


def test_a_verified_colleague_changes_their_own_password_in_the_admin(client):
    user = sign_in(client, make_staff(role=EDITOR))
    url = reverse("admin:password_change")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("admin:password_change_done")
    assert client.get(response["Location"]).status_code == 200
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
