"""Setting review dates: on publishing, and when a publisher marks an item reviewed."""

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from portal.audit import Action, audit_record, describe
from portal.models import Publishable
from portal.publishing.models import PublishingStep
from portal.publishing.services import publishing_step
from portal.publishing.snapshots import REVIEW_FIELDS
from portal.roles import can_publish
from portal.selectors import publishable_models


def review_months(model) -> int:
    """How many months an item of this kind stays good before it is due for review."""
    months = settings.CONTENT_REVIEW_MONTHS
    return months.get(model._meta.label_lower, settings.CONTENT_REVIEW_DEFAULT_MONTHS)


def months_after(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day (31 August + 6 → 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def next_review_after(*, model, day: datetime.date) -> datetime.date:
    return months_after(day, review_months(model))


def review_dates_on_live(*, item, before, after, user) -> None:
    """Listens to `portal.services.content_went_live`: an item that goes live (a draft
    published) gets its next review one period from today; a change to a live item keeps the
    date it has, unless it has none."""
    was_published = before is not None and before.item_fields.get("status") == "published"
    if was_published and item.next_review is not None:
        return
    item.next_review = next_review_after(model=type(item), day=timezone.localdate())
    item.save(update_fields=["next_review"])


def content_mark_reviewed(*, items, request) -> list:
    """A publisher checked these items (and changed them or not): each published one is
    reviewed today and due again one period on; the step is in its history and the audit
    record. Returns the items marked; drafts are left as they are."""
    if not can_publish(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    marked = []
    with transaction.atomic():
        for item in items:
            if item.status != Publishable.Status.PUBLISHED:
                continue
            item.last_reviewed = today
            item.next_review = next_review_after(model=type(item), day=today)
            item.save(update_fields=list(REVIEW_FIELDS))
            publishing_step(item=item, action=PublishingStep.Action.REVIEWED, user=request.user)
            audit_record(action=Action.REVIEWED, request=request, target=describe(item))
            marked.append(item)
    return marked


def review_dates_keep(*, item) -> None:
    """Write `item`'s review dates back over the live row: restoring an older version of an
    item restores its text, not when it was last reviewed."""
    live = type(item)._default_manager.filter(pk=item.pk).first()
    if live is None:
        return
    if any(getattr(live, name) != getattr(item, name) for name in REVIEW_FIELDS):
        for name in REVIEW_FIELDS:
            setattr(live, name, getattr(item, name))
        live.save(update_fields=list(REVIEW_FIELDS))


def review_dates_fill(*, models=None, today: datetime.date | None = None) -> int:
    """Published items without a next review (loaded by `load_seed`, or published before review
    dates existed) get one: a period after they were last reviewed, else after today. `models`:
    the kinds to fill (a migration's historical models), default all. Returns how many."""
    today = today or timezone.localdate()
    filled = 0
    for model in publishable_models() if models is None else models:
        for item in model._default_manager.filter(status="published", next_review__isnull=True):
            item.next_review = next_review_after(model=model, day=item.last_reviewed or today)
            item.save(update_fields=["next_review"])
            filled += 1
    return filled
