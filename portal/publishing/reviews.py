"""Review requests: an editor marks a draft or pending changes ready for review, and a
publisher publishes the item or sends it back with a note. Each step is kept for the item's
history (PublishingStep) and in the audit record; e-mails go after the step is committed."""

from collections.abc import Callable

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext

from portal.audit import Action, audit_record, describe
from portal.models import Publishable
from portal.publishing.emails import review_requested_send, review_sent_back_send
from portal.publishing.models import PublishingStep, ReviewRequest
from portal.publishing.services import pending_of, publishing_step, review_close, review_request_of
from portal.publishing.snapshots import Snapshot
from portal.services import content_set_status

Step = PublishingStep.Action
_ready_listeners: list[Callable[..., None]] = []


def review_ready_listen(listener: Callable[..., None]) -> None:
    """Call `listener(item=, snapshot=)` when an item is marked ready for review, after the
    step is committed: `snapshot` is what would go live (the pending changes, or the draft).
    For checks a publisher should see before publishing (e.g. outside links)."""
    if listener not in _ready_listeners:
        _ready_listeners.append(listener)


def review_can_request(item) -> bool:
    """A draft, or a published item with changes waiting: something for a publisher to do."""
    return item.status != Publishable.Status.PUBLISHED or pending_of(item) is not None


def review_request(*, item, note: str, request, url: str) -> tuple[ReviewRequest | None, bool]:
    """Mark the item ready for review and e-mail the publishers, once: a second request while
    one is open does nothing. Returns the request (None if one was open) and whether the
    e-mails went."""
    with transaction.atomic():
        review, created = ReviewRequest.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(item),
            object_id=item.pk,
            defaults={"note": note, "requested_by": request.user},
        )
        if not created:
            return None, True
        publishing_step(item=item, action=Step.READY, user=request.user, note=note)
        audit_record(action=Action.REVIEW_REQUESTED, request=request, target=describe(item))
    pending = pending_of(item)
    snapshot = Snapshot(tuple(pending.snapshot)) if pending else Snapshot.of(item)
    for listener in _ready_listeners:
        listener(item=item, snapshot=snapshot)
    return review, review_requested_send(item=item, review=review, url=url)


def review_send_back(*, item, note: str, request, url: str) -> bool:
    """A publisher returns the item to the editor who asked for the review, with a note; the
    pending changes stay for the editor to revise. Returns whether the e-mail went."""
    review = review_request_of(item)
    with transaction.atomic():
        review_close(item=item, action=Step.SENT_BACK, user=request.user, note=note)
        audit_record(action=Action.SENT_BACK, request=request, target=describe(item))
    editor = review.requested_by if review else None
    return review_sent_back_send(item=item, editor=editor, by=request.user, note=note, url=url)


def draft_publish(*, item, request) -> None:
    """A publisher publishes a draft from its publishing page, as the list action does."""
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(request.user)
        reversion.set_comment(gettext("Published."))
        content_set_status(items=[item], status=Publishable.Status.PUBLISHED, user=request.user)
        review_close(item=item, action=Step.PUBLISHED, user=request.user)
        audit_record(action=Action.PUBLISHED, request=request, target=describe(item))
