"""The record of who did what on the staff side: sign-ins, second factors, publishing, deletions."""

import datetime

from django.utils import timezone
from django.utils.text import capfirst

from portal.models import AuditEntry
from portal.staff import client_address

Action = AuditEntry.Action


def describe(obj) -> str:
    """What an entry was about, readable after the object is gone: "Scheme: SME Loan …"."""
    return f"{capfirst(obj._meta.verbose_name)}: {obj}"[:300]


def audit_record(
    *, action: str, request=None, user=None, username: str = "", target: str = ""
) -> AuditEntry:
    """Record one action. `user` defaults to the request's signed-in user."""
    if user is None and request is not None and request.user.is_authenticated:
        user = request.user
    address = client_address(request) if request is not None else ""
    return AuditEntry.objects.create(
        action=action,
        user=user,
        username=username or (user.get_username() if user else ""),
        target=target,
        address=address or None,
    )


def audit_record_each(*, action: str, request, objects) -> None:
    """One entry per object: each item a list action published, each one deleted."""
    for obj in objects:
        audit_record(action=action, request=request, target=describe(obj))


def audit_prune(*, days: int, now: datetime.datetime | None = None) -> int:
    """Delete entries older than `days`; returns how many went."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _ = AuditEntry.objects.filter(at__lt=cutoff).delete()
    return deleted
