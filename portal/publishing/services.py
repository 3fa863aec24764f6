"""Keeping, publishing and discarding changes that wait for a publisher, and review requests."""

from collections.abc import Callable
from contextlib import contextmanager, suppress
from typing import Any

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from portal.audit import Action, audit_record, describe
from portal.models import Publishable
from portal.pagecache.generation import changes_rehearsed
from portal.publishing.models import PendingRevision, PublishingStep, ReviewRequest
from portal.publishing.snapshots import Snapshot, SnapshotConflict, ids_reserve, snapshot_apply
from portal.roles import can_publish
from portal.services import content_went_live

Step = PublishingStep.Action


@contextmanager
def rehearsal():
    """A transaction that is always rolled back: to show or to capture what changes would do
    to the live rows without the public ever seeing them."""
    with changes_rehearsed(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def pending_of(item) -> PendingRevision | None:
    return PendingRevision.objects.for_item(item).select_related("saved_by").first()


def review_request_of(item) -> ReviewRequest | None:
    return ReviewRequest.objects.for_item(item).select_related("requested_by").first()


def publishing_steps_of(item):
    return PublishingStep.objects.for_item(item).select_related("user")


def publishing_step(*, item, action: str, user, note: str = "") -> PublishingStep:
    return PublishingStep.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        action=action,
        user=user,
        username=user.get_username() if user else "",
        note=note,
    )


def pending_keep(*, item, snapshot: Snapshot, user, based_on) -> PendingRevision:
    """Keep an editor's changes to a published item (the item and its parts as the save left
    them, in a transaction rolled back since) until a publisher publishes them."""
    ids_reserve(snapshot)
    pending, _ = PendingRevision.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        defaults={
            "snapshot": snapshot.data,
            "saved_by": user,
            "saved_at": timezone.now(),
            "based_on": based_on,
        },
    )
    publishing_step(item=item, action=Step.CHANGES_SAVED, user=user)
    return pending


def content_edit(*, item, user, edit: Callable[[Any], None]) -> None:
    """Change an item outside its change form (e.g. a phrasing accepted from the assistant's
    suggestions) as a save of the form would: `edit(item)` changes and saves it; an editor's
    change to a published item is kept for a publisher, any other goes to the live rows."""
    if item.status == Publishable.Status.PUBLISHED and not can_publish(user):
        pending = pending_of(item)
        with rehearsal():
            # As on the change form: changes that no longer apply start again from the live rows.
            if pending is not None:
                with suppress(SnapshotConflict):
                    snapshot_apply(Snapshot(tuple(pending.snapshot)), item)
            current = type(item)._default_manager.get(pk=item.pk)
            edit(current)
            snapshot = Snapshot.of(current)
        pending_keep(item=item, snapshot=snapshot, user=user, based_on=item.updated_at)
        return
    with transaction.atomic():
        before = Snapshot.of(item)
        edit(item)
        content_went_live(item=item, before=before, user=user)


def pending_publish(
    *,
    pending: PendingRevision,
    request,
    significant: bool = False,
    summary_en: str = "",
    summary_zh_hant: str = "",
):
    """Write the pending changes over the live rows, as one version in the item's history.

    Raises SnapshotConflict (nothing changed) when the live rows no longer allow it."""
    user = request.user
    with transaction.atomic(), reversion.create_revision():
        item = type(pending.item)._default_manager.select_for_update().get(pk=pending.object_id)
        current = PendingRevision.objects.filter(pk=pending.pk).first()
        if current is None or current.saved_at != pending.saved_at:
            raise SnapshotConflict(
                gettext("the changes were saved again or discarded since you opened the page.")
            )
        before = Snapshot.of(item)
        reversion.set_user(user)
        reversion.set_comment(
            gettext("Published the changes %(who)s saved on %(when)s.")
            % {
                "who": pending.saved_by.get_username() if pending.saved_by else "—",
                "when": localize(template_localtime(pending.saved_at)),
            }
        )
        snapshot_apply(Snapshot(tuple(pending.snapshot)), item)
        item.refresh_from_db()
        item.updated_by = user
        item.save(update_fields=["updated_by", "updated_at"])
        pending.delete()
        review_close(item=item, action=Step.PUBLISHED, user=user)
        audit_record(action=Action.CHANGES_PUBLISHED, request=request, target=describe(item))
        content_went_live(
            item=item,
            before=before,
            user=user,
            significant=significant,
            summary_en=summary_en,
            summary_zh_hant=summary_zh_hant,
        )
    return item


def pending_discard(*, pending: PendingRevision, request) -> None:
    item = pending.item
    with transaction.atomic():
        type(item)._default_manager.select_for_update().filter(pk=item.pk).first()
        pending.delete()
        review_close(item=item, action=Step.DISCARDED, user=request.user)
        audit_record(action=Action.CHANGES_DISCARDED, request=request, target=describe(item))


def pending_after_publisher_save(*, item, user, applied: bool) -> None:
    """A publisher's save went to the live rows. If the form showed the pending changes
    (`applied`), they went live with it; a published item's review is then done."""
    if applied:
        PendingRevision.objects.for_item(item).delete()
    published = type(item)._default_manager.filter(pk=item.pk, status=Publishable.Status.PUBLISHED)
    if published.exists() and (applied or ReviewRequest.objects.for_item(item).exists()):
        review_close(item=item, action=Step.PUBLISHED, user=user)


def publishing_forget(*, items) -> None:
    """Deleted items leave nothing waiting (their steps stay, like their history)."""
    for item in items:
        PendingRevision.objects.for_item(item).delete()
        ReviewRequest.objects.for_item(item).delete()


def review_close(*, item, action: str, user, note: str = "") -> None:
    """The item was published, sent back or its changes discarded: it waits no more."""
    ReviewRequest.objects.for_item(item).delete()
    publishing_step(item=item, action=action, user=user, note=note)


def reviews_published(*, items, user) -> None:
    """Items published from the list: those waiting for review wait no more."""
    for item in items:
        if ReviewRequest.objects.for_item(item).exists():
            review_close(item=item, action=Step.PUBLISHED, user=user)
