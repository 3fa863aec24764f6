from itertools import count

from portal.models import Organisation, Publishable

_numbers = count(1)


def make_organisation(**fields) -> Organisation:
    number = next(_numbers)
    defaults = {
        "slug": f"organisation-{number}",
        "name_en": f"Organisation {number}",
        "name_zh_hant": f"機構{number}",
        "status": Publishable.Status.PUBLISHED,
    }
    return Organisation.objects.create(**{**defaults, **fields})


def make_staff(*, role: str | None = None, superuser: bool = False, username: str | None = None):
    """A staff account in one of portal.roles' groups (or a superuser)."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(
        username=username or f"staff-{next(_numbers)}",
        password="correct horse battery staple",
        is_staff=True,
        is_superuser=superuser,
    )
    if role:
        if not Group.objects.filter(name=role).exists():
            # A transactional test flushed the groups the migration made.
            from portal.roles import roles_sync

            roles_sync()
        user.groups.add(Group.objects.get(name=role))
    return user


def authenticator_for(user):
    """The user's confirmed authenticator (TOTP) device, set up now if they have none."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def one_time_code(key: bytes, *, not_before: int = -1, step: int = 30) -> str:
    """The code an authenticator app shows for `key` now, or for the next time step if this
    one was used already (`not_before`: the device's `last_t`); devices accept one step ahead."""
    import time

    from django_otp.oath import TOTP

    totp = TOTP(key, step=step)
    totp.time = max(time.time(), (not_before + 1) * step)
    return f"{totp.token():06d}"


def sign_in(client, user):
    """Sign a test client in as `user` with a verified second factor: the one place tests sign
    staff in, so a change to how staff sign in is made here."""
    from django_otp import DEVICE_ID_SESSION_KEY

    device = authenticator_for(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return user


def make_colleague(*, role: str, username: str | None = None, language: str = "en"):
    """A staff member with an e-mail address (username@tid.gov.hk) and an admin language."""
    from staff.services import staff_language_set

    user = make_staff(role=role, username=username)
    user.email = f"{user.username}@tid.gov.hk"
    user.save()
    staff_language_set(user=user, language=language)
    return user


def staff_client(*, role: str, language: str = "en"):
    """A test client signed in as a new colleague in `role`, in that admin language."""
    from django.test import Client

    client = Client()
    sign_in(client, make_colleague(role=role, language=language))
    return client
