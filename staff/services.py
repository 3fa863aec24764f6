"""Staff accounts: the second factor (TOTP with recovery codes), language, and their records."""

from base64 import b32encode

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.audit import Action, audit_record
from portal.site import absolute_url
from staff.models import StaffProfile

RECOVERY_CODE_COUNT = 10
# Marks a wrong one-time code among the failures django-axes counts.
SECOND_FACTOR_CREDENTIAL = "second_factor"


def totp_device_pending(user) -> TOTPDevice:
    """The authenticator key being set up: made once, kept until confirmed with a code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def text_key(device: TOTPDevice) -> str:
    """The key as an authenticator app's "enter a setup key" expects it, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def second_factor_enrol(*, request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the pending key with a code from the app; returns fresh recovery codes."""
    if not device.verify_token(token):
        return None
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        StaticDevice.objects.filter(user=request.user).delete()
        recovery = StaticDevice.objects.create(user=request.user, name="recovery codes")
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=recovery, token=c) for c in codes)
    django_otp.login(request, device)
    audit_record(action=Action.SECOND_FACTOR_ENROLLED, request=request)
    return codes


def second_factor_verify(*, request, token: str):
    """Check a one-time or recovery code; a wrong one counts towards the sign-in lockout."""
    user = request.user
    for device in devices_for_user(user, confirmed=True):
        if django_otp.verify_token(user, device.persistent_id, token):
            django_otp.login(request, device)
            axes_reset(username=user.get_username())
            audit_record(action=Action.SECOND_FACTOR_VERIFIED, request=request)
            return device
    user_login_failed.send(
        sender=__name__,
        credentials={"username": user.get_username(), SECOND_FACTOR_CREDENTIAL: True},
        request=request,
    )
    return None


def second_factor_reset(*, request, user) -> None:
    """Remove a colleague's authenticator and recovery codes: they set up anew at next sign-in."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    audit_record(action=Action.SECOND_FACTOR_RESET, request=request, target=user.get_username())
    if user.email:
        second_factor_reset_notify(user=user, by=request.user, request=request)


def second_factor_reset_notify(*, user, by, request) -> None:
    """Tell the colleague, in the admin language they chose, so a reset they did not ask for
    does not go unnoticed."""
    with translation.override(staff_language(user) or settings.LANGUAGE_CODE):
        subject = gettext("Your two-factor sign-in was reset")
        context = {
            "user": user,
            "by": by,
            "sign_in_url": absolute_url(reverse("admin:login")),
        }
        body = render_to_string("staff/email/second_factor_reset.txt", context)
    send_mail(subject, body, None, [user.email])


def staff_language(user) -> str | None:
    profile = StaffProfile.objects.filter(user=user).first()
    return profile.language if profile else None


def password_change_require(*, user) -> None:
    """At their next sign-in, before anything else, `user` chooses a new password."""
    StaffProfile.objects.update_or_create(user=user, defaults={"password_to_change": user.password})


def password_change_required(user) -> bool:
    profile = StaffProfile.objects.filter(user=user).first()
    return bool(
        profile and profile.password_to_change and profile.password_to_change == user.password
    )


def staff_language_set(*, user, language: str) -> None:
    StaffProfile.objects.update_or_create(user=user, defaults={"language": language})


def record_sign_in(sender, request, user, **kwargs):
    audit_record(action=Action.SIGNED_IN, request=request, user=user)


def record_failed_sign_in(sender, credentials, request=None, **kwargs):
    second_factor = credentials.get(SECOND_FACTOR_CREDENTIAL)
    audit_record(
        action=Action.SECOND_FACTOR_FAILED if second_factor else Action.SIGN_IN_FAILED,
        request=request,
        username=str(credentials.get("username", ""))[:150],
    )


def sign_in_locked(request, credentials) -> bool:
    return AxesProxyHandler.is_locked(request, credentials)
