"""What content contributes to e-mail alerts, and the hook content changes go through.

Content apps register an `AlertSource` (how their items match a subscription's filters); the
staff admin calls `content_changed` when an item is published, marked as significantly changed
or cancelled; the alerts app listens. portal imports neither side.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeReason:
    PUBLISHED = "published"
    CHANGED = "changed"
    CANCELLED = "cancelled"
    # For followers only: the day applications open, and reminders before they close.
    OPENED = "opened"
    REMINDER = "reminder"

    LABELS = {
        PUBLISHED: _("Newly published"),
        CHANGED: _("Significant change"),
        CANCELLED: _("Cancelled"),
        OPENED: _("Now open for applications"),
        REMINDER: _("Closing reminder"),
    }
    # What an alert on a finder's filters hears of; a follower hears of everything.
    FOR_FILTERS = (PUBLISHED, CHANGED, CANCELLED)


@dataclass(frozen=True)
class TimedChange:
    """Something the calendar does to an item (it opens, it closes in N days), told once:
    `occasion` names it, e.g. "reminder-14:2026-12-19"."""

    item: Any
    reason: str
    occasion: str


@dataclass(frozen=True)
class AlertSource:
    kind: str  # "schemes", "events": also the name of the list page's URL namespace
    model: type[models.Model]
    label: Any  # lazy text: "Funding schemes"
    # (QueryDict or dict of lists) -> the valid filters, as {name: [values]}
    clean_filters: Callable[[Any], dict[str, list[str]]]
    # (filters) -> [(facet label, value label)] for the pages and e-mails
    describe_filters: Callable[[dict[str, list[str]]], list[tuple[str, str]]]
    # (item, filters, language code) -> whether the item is one the filters select
    matches: Callable[[Any, dict[str, list[str]], str], bool]
    # (item) -> whether the item is cancelled (events); None when the kind cannot be
    is_cancelled: Callable[[Any], bool] | None = None
    # Following (no account; alerts stores the item): (what, slug) -> the live item to follow
    # ("scheme", "organisation"), or None.
    follow_lookup: Callable[[str, str], Any] | None = None
    # (item) -> the items whose followers hear about it: itself, its organiser.
    followed_through: Callable[[Any], list] = lambda item: [item]
    # (item, today) -> [(label, value)]: what an e-mail shows of the item, in the active language.
    facts: Callable[[Any, Any], list[tuple[str, str]]] = lambda item, today: []
    # (item) -> its one-paragraph summary in the active language.
    summary: Callable[[Any], str] = lambda item: ""
    # (model, before Snapshot, after Snapshot, today) -> [(label, old, new)] in the active
    # language: the changes that count as significant; empty when none do.
    significant_changes: Callable[..., list[tuple[str, str, str]]] | None = None
    # (today) -> [TimedChange]: openings and closing reminders due on `today`.
    timed_changes: Callable[[Any], list[TimedChange]] | None = None


_sources: dict[str, AlertSource] = {}
_listeners: list[Callable[..., None]] = []


def alert_source_register(source: AlertSource) -> None:
    _sources[source.kind] = source


def alert_sources() -> list[AlertSource]:
    return list(_sources.values())


def alert_source(kind: str) -> AlertSource | None:
    return _sources.get(kind)


def alert_source_for(model) -> AlertSource | None:
    concrete = model._meta.concrete_model
    return next((s for s in _sources.values() if s.model is concrete), None)


def filter_values(filters, name: str) -> list[str]:
    """One filter's non-empty values, from a QueryDict (a page's query) or a stored dict."""
    values = filters.getlist(name) if hasattr(filters, "getlist") else filters.get(name, [])
    return [value for value in values if value]


def content_change_listen(listener: Callable[..., None]) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def content_changed(
    *,
    item,
    reason: str,
    summary_en: str = "",
    summary_zh_hant: str = "",
    details: dict | None = None,
):
    """Tell the listeners (alerts) that a live item changed in a way subscribers care about.

    `details`: {language code: [[label, old, new], ...]}, what changed in words."""
    source = alert_source_for(type(item))
    if source is None:
        return
    for listener in _listeners:
        listener(
            source=source,
            item=item,
            reason=reason,
            summary_en=summary_en,
            summary_zh_hant=summary_zh_hant,
            details=details or {},
        )


def content_change_reasons(*, source: AlertSource, before, after, significant: bool) -> list[str]:
    """Why a save is worth an alert: newly live, cancelled, or marked as significant."""
    if not after.is_live():
        return []
    if before is None or not before.is_live():
        return [ChangeReason.PUBLISHED]
    cancelled = source.is_cancelled
    if cancelled and cancelled(after) and not cancelled(before):
        return [ChangeReason.CANCELLED]
    return [ChangeReason.CHANGED] if significant else []
