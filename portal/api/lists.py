"""A page of a list: `updated_since`, the removals since then, and stable cursors.

A resource hands over its matches in its own order (for schemes, the finder's own results), and
a function that reads the full records of a page's items. The cursor names the last item a page
gave and where it stood: the next page starts right after that item, wherever it now stands,
so items added or removed meanwhile are neither repeated nor skipped; only if that item itself
left the list does the next page start at its old position.
"""

import datetime
from collections.abc import Callable, Sequence

from django.http import Http404
from django.utils import timezone

from portal.pagecache.removals import removals_since
from portal.site import absolute_url

from .schemas import ListParameters


def cursor_after(item_pk: int, position: int) -> str:
    return f"{position}-{item_pk}"


def _start(pks: Sequence[int], cursor: str | None) -> int:
    if not cursor:
        return 0
    position, _, item_pk = cursor.partition("-")
    try:
        return pks.index(int(item_pk)) + 1
    except ValueError:
        return max(min(int(position) - 1, len(pks)), 0)  # it left: the one after it moved up


def _next_url(request, cursor: str) -> str:
    params = request.GET.copy()
    params["cursor"] = cursor
    return absolute_url(f"{request.path}?{params.urlencode()}")


def list_page(
    request,
    parameters: ListParameters,
    *,
    pks: Sequence[int],
    changed: Callable[[datetime.datetime, datetime.datetime], Sequence[int]],
    model,
    records: Callable[[tuple[int, ...], tuple[str, ...]], list[dict]],
) -> dict:
    """One page of `pks` (the list's items in order). With `updated_since`, only the items
    `changed(since, now)` names, and the removals since then on the first page."""
    now = timezone.now()
    page = {"as_of": now}
    since = parameters.updated_since
    if since is not None:
        changed_pks = set(changed(since, now))
        pks = [pk for pk in pks if pk in changed_pks]
        if not parameters.cursor:
            page["removed"] = removals_since(model, since, now=now)
    pks = list(pks)
    start = _start(pks, parameters.cursor)
    shown = pks[start : start + parameters.page_size]
    end = start + len(shown)
    page["next"] = _next_url(request, cursor_after(shown[-1], end)) if end < len(pks) else None
    page["total"] = len(pks)
    page["items"] = records(tuple(shown), parameters.prefixes) if shown else []
    return page


def one_record(records, pks, prefixes: tuple[str, ...]) -> dict:
    """The record of the item `pks` names (the first), for a detail operation; else a 404."""
    found = records(tuple(pks[:1]), prefixes)
    if not found:
        raise Http404
    return found[0]
