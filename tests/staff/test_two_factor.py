"""Two-factor sign-in: enrolment, one-time and recovery codes, the lockout, resets."""

import base64
import re

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.models import AuditEntry, Organisation
from portal.roles import PUBLISHER
from tests.portal.factories import (
    authenticator_for,
    make_organisation,
    make_staff,
    one_time_code,
    sign_in,
)

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
ADDRESS = "203.0.113.5"


def password_only(client, user):
    response = client.post(
        reverse("admin:login"),
        {"username": user.username, "password": PASSWORD, "next": reverse("admin:index")},
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 302
    return client


def enter_code(client, code, **extra):
    return client.post(reverse("staff:verify"), {"token": code, **extra}, REMOTE_ADDR=ADDRESS)


def unthrottle(device):
    """django-otp slows retries after a wrong code; tests retry at once."""
    device.refresh_from_db()
    device.throttle_reset()


def fresh_code(device):
    unthrottle(device)
    return one_time_code(device.bin_key, not_before=device.last_t)


def test_a_password_alone_reaches_no_content(client):
    user = make_staff(role=PUBLISHER)
    authenticator_for(user)
    password_only(client, user)
    organisation = make_organisation()
    for url in (
        reverse("admin:index"),
        reverse("admin:portal_organisation_changelist"),
        reverse("admin:portal_organisation_change", args=[organisation.pk]),
        reverse("admin:auth_user_changelist"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("staff:verify"))
    # Nor does a preview of a draft on the public site.
    draft = make_organisation(status=Organisation.Status.DRAFT)
    assert client.get(f"/en/organisations/{draft.slug}/?preview=1").status_code == 404


def test_first_sign_in_enrols_with_qr_code_key_and_a_code(client):
    user = make_staff(role=PUBLISHER)
    password_only(client, user)
    assert client.get(reverse("admin:index"))["Location"] == reverse("staff:enrol")

    page = client.get(reverse("staff:enrol")).content.decode()
    key = re.search(r"data-key>([A-Z2-7 ]+)<", page).group(1).replace(" ", "")
    qr = client.get(reverse("staff:qr-code"))
    assert qr["Content-Type"] == "image/svg+xml"
    assert b"<script" not in qr.content and b"style=" not in qr.content
    assert 'src="/admin/account/two-factor/set-up/qr-code.svg"' in page

    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    assert client.post(reverse("staff:enrol"), {"token": "000000"}).status_code == 200
    unthrottle(TOTPDevice.objects.get(user=user))
    response = client.post(reverse("staff:enrol"), {"token": one_time_code(secret)})
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(codes) == 10
    assert "no-store" in response["Cache-Control"]
    assert client.get(reverse("admin:index")).status_code == 200
    assert TOTPDevice.objects.get(user=user).confirmed
    actions = AuditEntry.objects.filter(user=user).values_list("action", flat=True)
    assert AuditEntry.Action.SECOND_FACTOR_ENROLLED in actions


def test_a_one_time_code_opens_the_admin_and_cannot_be_used_twice(client):
    user = make_staff(role=PUBLISHER)
    device = authenticator_for(user)
    password_only(client, user)
    code = fresh_code(device)
    response = enter_code(client, code, next=reverse("admin:portal_organisation_changelist"))
    assert response["Location"] == reverse("admin:portal_organisation_changelist")
    assert client.get(reverse("admin:index")).status_code == 200

    client.logout()
    password_only(client, user)
    unthrottle(device)
    assert enter_code(client, code).status_code == 200  # refused: already used
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.parametrize("shown", ["{0} {1}", "{0}-{1}", " {0}{1}\n"])
def test_a_code_pasted_as_the_app_shows_it_is_accepted(client, shown):
    """WCAG 3.3.8: staff paste the code rather than remember or retype it."""
    user = make_staff()
    device = authenticator_for(user)
    password_only(client, user)
    code = fresh_code(device)
    assert enter_code(client, shown.format(code[:3], code[3:])).status_code == 302


def test_a_recovery_code_works_once(client):
    user = make_staff()
    device = authenticator_for(user)
    recovery = user.staticdevice_set.create(name="recovery codes")
    StaticToken.objects.create(device=recovery, token="abcd2345")
    password_only(client, user)
    assert enter_code(client, "abcd2345").status_code == 302
    client.logout()
    password_only(client, user)
    assert enter_code(client, "abcd2345").status_code == 200
    assert enter_code(client, fresh_code(device)).status_code == 302


def test_wrong_codes_count_towards_the_lockout_and_sign_the_session_out(client):
    user = make_staff()
    device = authenticator_for(user)
    password_only(client, user)
    for _ in range(4):
        unthrottle(device)
        assert enter_code(client, "000000").status_code == 200
    unthrottle(device)
    locked = enter_code(client, "000000")
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()
    assert client.get(reverse("admin:index"))["Location"].startswith(reverse("admin:login"))
    # The password does not get back in while the pause lasts.
    response = client.post(
        reverse("admin:login"),
        {"username": user.username, "password": PASSWORD},
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 429
    failures = AuditEntry.objects.filter(action=AuditEntry.Action.SECOND_FACTOR_FAILED, user=user)
    assert failures.count() == 5


def test_an_administrator_resets_a_colleagues_second_factor(client):
    admin = make_staff(superuser=True)
    colleague = make_staff(role=PUBLISHER)
    authenticator_for(colleague)
    sign_in(client, admin)
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [colleague.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.SECOND_FACTOR_RESET)
    assert (entry.user, entry.target) == (admin, colleague.username)


def test_the_colleague_is_told_by_email_in_their_language(client, mailoutbox):
    admin = make_staff(superuser=True, username="admin")
    colleague = make_staff(username="chan")
    colleague.email = "chan@example.gov.hk"
    colleague.save()
    from staff.services import staff_language_set

    staff_language_set(user=colleague, language="zh-hant")
    sign_in(client, admin)
    client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [colleague.pk]},
    )
    [message] = mailoutbox
    assert message.to == ["chan@example.gov.hk"]
    assert message.subject == "你的雙重認證登入已被重設"
    assert "admin 已重設" in message.body
    assert "http://testserver/admin/login/" in message.body


def test_only_administrators_may_reset_second_factors(client):
    user = make_staff(role=PUBLISHER)
    assert "reset_second_factor" not in str(user.get_all_permissions())
    from django.test import RequestFactory

    from staff.admin import StaffUserAdmin

    request = RequestFactory().get("/")
    request.user = user
    from django.contrib import admin

    model_admin = StaffUserAdmin(type(user), admin.site)
    assert not model_admin.has_reset_second_factor_permission(request)


@pytest.mark.parametrize("password", ["short-pw-1x", "password1234", "123456789012"])
def test_passwords_need_twelve_characters_and_not_a_common_one(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    validate_password("harbour lantern 1997 tram")


def test_the_admin_shows_no_device_secrets(client):
    sign_in(client, make_staff(superuser=True))
    page = client.get(reverse("admin:index")).content.decode()
    assert "otp_totp" not in page and "otp_static" not in page


def test_an_enrolled_accounts_password_alone_gets_no_new_key(client):
    user = make_staff(role=PUBLISHER)
    authenticator_for(user)
    password_only(client, user)
    assert client.get(reverse("staff:qr-code")).status_code == 404
    assert client.get(reverse("staff:enrol"))["Location"] == reverse("staff:verify")
    assert not TOTPDevice.objects.filter(user=user, confirmed=False).exists()
