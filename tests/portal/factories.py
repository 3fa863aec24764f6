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
