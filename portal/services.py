"""Changes to content that more than one screen makes."""

from django.db import transaction

from portal.alerts import ChangeReason, content_changed


def content_set_status(*, items, status: str, user) -> list:
    """Publish or unpublish each item, saved one by one so each gets a version in its history.

    Returns the items whose status changed."""
    changed = []
    with transaction.atomic():
        for item in items:
            if item.status == status:
                continue
            was_live = item.is_live()
            item.status = status
            item.updated_by = user
            item.save(update_fields=["status", "updated_by", "updated_at"])
            changed.append(item)
            if item.is_live() and not was_live:
                content_changed(item=item, reason=ChangeReason.PUBLISHED)
    return changed
