"""What is due for review, for the admin home and the reminders."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils.text import capfirst

from portal.models import Publishable
from portal.selectors import publishable_models


@dataclass(frozen=True)
class DueItem:
    item: Publishable
    kind: str
    overdue: bool
    url: str  # the item's change form in the admin

    @property
    def key(self) -> tuple[str, int]:
        return self.item._meta.label_lower, self.item.pk


def due_for_review(*, today: datetime.date, within_days: int = 0, user=None) -> list[DueItem]:
    """Live items whose next review is before `today` + `within_days`, earliest first; only the
    kinds `user` may view, when given. Overdue: due before `today`."""
    until = today + datetime.timedelta(days=within_days)
    due = []
    for model in publishable_models():
        opts = model._meta
        if user is not None and not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        items = model._default_manager.published().filter(next_review__lt=until)
        for item in items.order_by("next_review", "pk"):
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
            due.append(DueItem(item, capfirst(opts.verbose_name), item.next_review < today, url))
    return sorted(due, key=lambda entry: (entry.item.next_review, entry.kind))


def overdue_for_review(*, today: datetime.date, user) -> list[DueItem]:
    return due_for_review(today=today, within_days=0, user=user)
