"""The content generation: one value in the shared cache that every content change moves.

Cached pages carry the generation they were rendered under and are served only while it is
still current. Saves and deletes of any model (the admin, a restore from history, loaddata's
raw saves, management commands, conversion overrides) move it through Django's model signals,
connected here for every app except the bookkeeping ones (sessions, logins, history rows).
"""

import secrets
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

GENERATION_KEY = "pagecache:generation"
# The generation the page cache read for the request being served, so it is read once.
request_generation: ContextVar[str | None] = ContextVar("request_generation", default=None)
# Inside a transaction that is always rolled back (a staff preview of pending changes).
_rehearsing: ContextVar[bool] = ContextVar("rehearsing", default=False)


def new_generation() -> str:
    return secrets.token_hex(8)


@contextmanager
def changes_rehearsed():
    """For saves the caller rolls back, to show staff what pending changes would look like:
    they move no generation, and nothing read meanwhile is kept for the public (the generation
    is unknown, so no page, remembered result or fragment is stored)."""
    token = _rehearsing.set(True)
    try:
        yield
    finally:
        _rehearsing.reset(token)


def current_generation() -> str | None:
    """The generation now; None when the cache cannot say (pages are then not stored)."""
    if _rehearsing.get():
        return None
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, new_generation(), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def generation_now() -> str | None:
    """The generation for the request being served, else read from the cache."""
    if _rehearsing.get():
        return None
    return request_generation.get() or current_generation()


def fresh_window(moment: float | None = None) -> int | None:
    """Which PAGE_CACHE_FRESH_SECONDS-long window of the clock `moment` (now) falls in; None when
    nothing is ever fresh.

    A stored page, a remembered result and a kept fragment are each used only within the window
    they were made in. The windows of all three end together, so what a visitor sees was read
    from the database less than PAGE_CACHE_FRESH_SECONDS ago: a scheduled change (a publishing
    time, an event ending) shows within that time, however the three are stacked.
    """
    lifetime = settings.PAGE_CACHE_FRESH_SECONDS
    if lifetime <= 0:
        return None
    return int((time.time() if moment is None else moment) // lifetime)


def pages_changed() -> None:
    """Every cached page is out of date from now on, on every worker.

    Moved at once, and again when the surrounding transaction commits: a page rendered in
    between from the rows not yet committed must not outlive the commit.
    """
    cache.set(GENERATION_KEY, new_generation(), None)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: cache.set(GENERATION_KEY, new_generation(), None))


def _model_changed(sender, **kwargs):
    if _rehearsing.get():
        return
    ignored = settings.PAGE_CACHE_IGNORED_APPS
    if sender._meta.app_label not in ignored and sender._meta.label not in ignored:
        pages_changed()


def _relations_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        _model_changed(sender)


def connect_content_signals() -> None:
    from .removals import connect_removal_signals

    post_save.connect(_model_changed, dispatch_uid="pagecache-save")
    post_delete.connect(_model_changed, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_relations_changed, dispatch_uid="pagecache-m2m")
    # The same saves and deletes keep the record of what left the public site.
    connect_removal_signals()
