"""Changes to content that more than one screen makes."""

from django.db import transaction


def content_set_status(*, items, status: str, user) -> int:
    """Publish or unpublish each item, saved one by one so each gets a version in its history."""
    changed = 0
    with transaction.atomic():
        for item in items:
            if item.status == status:
                continue
            item.status = status
            item.updated_by = user
            item.save(update_fields=["status", "updated_by", "updated_at"])
            changed += 1
    return changed
