"""Changes to content that more than one screen makes, and the one place a change goes live."""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone, translation

from portal.alerts import AlertSource, alert_source_for, content_change_reasons, content_changed
from portal.i18n.languages import STORED_CODES
from portal.models import Publishable
from portal.publishing.snapshots import Snapshot

_live_listeners: list[Callable[..., None]] = []


def content_live_listen(listener: Callable[..., None]) -> None:
    """Call `listener(item=, before=, after=, user=)` whenever a change reaches the public site;
    `before` and `after` are `Snapshot`s of the item and its parts (`before` None for an item
    that is new)."""
    if listener not in _live_listeners:
        _live_listeners.append(listener)


def content_went_live(
    *,
    item,
    before: Snapshot | None,
    user,
    significant: bool = False,
    summary_en: str = "",
    summary_zh_hant: str = "",
) -> None:
    """The one place where a change reaches the public site: a publisher's save of a published
    item, changes waiting for a publisher published, a draft published (form, list action or
    review page). Called after the live rows were written, in the same transaction; does
    nothing for an item that is not published.

    `before` is the item as it was (its snapshot); `significant` and the summaries are the
    publisher's "Significant change" choice for e-mail alerts. A change to what the item's
    alert source counts as significant (a scheme's amount, dates, eligibility…) is one too.
    """
    if item.status != Publishable.Status.PUBLISHED:
        return
    after = Snapshot.of(item)
    source = alert_source_for(type(item))
    if source is not None:
        details = content_change_details(source=source, item=item, before=before, after=after)
        reasons = content_change_reasons(
            source=source,
            before=before.item() if before else None,
            after=item,
            significant=significant or bool(details),
        )
        for reason in reasons:
            content_changed(
                item=item,
                reason=reason,
                summary_en=summary_en,
                summary_zh_hant=summary_zh_hant,
                details=details,
            )
    for listener in _live_listeners:
        listener(item=item, before=before, after=after, user=user)


def content_change_details(
    *, source: AlertSource, item, before: Snapshot | None, after: Snapshot
) -> dict[str, list]:
    """The significant changes in words, in each stored language: {"en": [[label, old, new]]};
    {} when none (or when the item is new)."""
    if before is None or source.significant_changes is None:
        return {}
    today = timezone.localdate()
    details = {}
    for code in STORED_CODES:
        with translation.override(code):
            rows = source.significant_changes(type(item), before, after, today)
        if rows:
            details[code] = [list(row) for row in rows]
    return details


def content_set_status(*, items, status: str, user) -> list:
    """Publish or unpublish each item, saved one by one so each gets a version in its history.

    Returns the items whose status changed."""
    changed = []
    with transaction.atomic():
        for item in items:
            if item.status == status:
                continue
            before = Snapshot.of(item)
            item.status = status
            item.updated_by = user
            item.save(update_fields=["status", "updated_by", "updated_at"])
            changed.append(item)
            content_went_live(item=item, before=before, user=user)
    return changed
