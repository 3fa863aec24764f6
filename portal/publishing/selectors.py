"""What waits for a publisher, for the admin's lists and for staff previews."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.text import capfirst

from portal.publishing.models import PendingRevision, ReviewRequest


def pending_for_page(model, lookup: dict) -> list[PendingRevision]:
    """The pending changes a staff preview of the page found by `lookup` (a slug, or "pk")
    shows: those of the item there now, and those that move an item there (a new slug)."""
    candidates = list(PendingRevision.objects.for_model(model))
    if not candidates:
        return []
    here = set(model._default_manager.filter(**lookup).values_list("pk", flat=True))

    def moves_here(pending: PendingRevision) -> bool:
        record = pending.snapshot[0]
        values = {"pk": record["pk"], **record["fields"]}
        return all(str(values.get(name)) == str(value) for name, value in lookup.items())

    return [pending for pending in candidates if pending.object_id in here or moves_here(pending)]


def with_publishing_state(queryset):
    """Each item with `waiting_for_review` and `has_pending_changes`, for the admin's lists."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    return queryset.annotate(
        waiting_for_review=Exists(
            ReviewRequest.objects.filter(content_type=content_type, object_id=OuterRef("pk"))
        ),
        has_pending_changes=Exists(
            PendingRevision.objects.filter(content_type=content_type, object_id=OuterRef("pk"))
        ),
    )


@dataclass(frozen=True)
class Waiting:
    item: object
    kind: str
    review: ReviewRequest
    pending: bool
    url: str


def waiting_for_review(*, user) -> list[Waiting]:
    """What is marked ready for review, oldest first, of the kinds `user` may see."""
    reviews = list(ReviewRequest.objects.select_related("content_type", "requested_by"))
    pending = set(PendingRevision.objects.values_list("content_type_id", "object_id"))
    waiting = []
    for review in sorted(reviews, key=lambda review: review.requested_at):
        model = review.content_type.model_class()
        opts = model._meta if model else None
        if opts is None or not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        item = review.item
        if item is None:
            continue
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_publishing", args=[item.pk])
        key = (review.content_type_id, review.object_id)
        waiting.append(Waiting(item, capfirst(opts.verbose_name), review, key in pending, url))
    return waiting
