"""Keeping each link's last result and where published content uses it."""

import datetime
import logging
import threading
from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections, transaction
from django.utils import timezone

from portal.linkcheck.extract import links_in
from portal.linkcheck.fetch import Result, links_fetch
from portal.linkcheck.models import Link, LinkUse
from portal.publishing.snapshots import Snapshot
from portal.selectors import publishable_models

logger = logging.getLogger(__name__)
FORGET_UNUSED_AFTER = datetime.timedelta(days=30)


def link_result_keep(result: Result, *, now: datetime.datetime) -> Link:
    """Store one check's result; a link that starts failing is broken since now."""
    link, _ = Link.objects.get_or_create(url=result.url)
    link.checked_at = now
    link.status_code = result.status_code
    link.problem = result.problem
    link.redirects = result.redirects
    link.final_url = result.final_url
    if not result.broken:
        link.broken_since = None
    elif link.broken_since is None:
        link.broken_since = now
    link.save()
    return link


def links_check(*, urls: Iterable[str]) -> list[Link]:
    """Fetch each URL (a few at a time) and keep its result."""
    return [link_result_keep(result, now=timezone.now()) for result in links_fetch(urls)]


def stale_urls(urls: Iterable[str], *, now: datetime.datetime | None = None) -> list[str]:
    """The URLs not checked within LINK_CHECK_FRESH_HOURS."""
    urls = set(urls)
    fresh_since = (now or timezone.now()) - datetime.timedelta(
        hours=settings.LINK_CHECK_FRESH_HOURS
    )
    fresh = Link.objects.filter(url__in=urls, checked_at__gte=fresh_since)
    return sorted(urls - set(fresh.values_list("url", flat=True)))


def link_uses_keep(*, item, snapshot: Snapshot) -> None:
    """Where the published `item` (as `snapshot`) links outside, replacing what was kept."""
    content_type = ContentType.objects.get_for_model(item)
    with transaction.atomic():
        LinkUse.objects.filter(content_type=content_type, object_id=item.pk).delete()
        found = links_in(snapshot)
        links = {link.url: link for link in Link.objects.filter(url__in={f.url for f in found})}
        for entry in found:
            if entry.url not in links:
                links[entry.url], _ = Link.objects.get_or_create(url=entry.url)
        LinkUse.objects.bulk_create(
            LinkUse(
                link=links[entry.url],
                content_type=content_type,
                object_id=item.pk,
                record=entry.record,
                field=entry.field,
            )
            for entry in found
        )


def link_uses_on_live(*, item, before, after, user) -> None:
    """Listens to `portal.services.content_went_live`: the uses follow what the public sees."""
    link_uses_keep(item=item, snapshot=after)


def link_uses_refresh() -> int:
    """Rebuild every use from the live content (for the daily check: items unpublished or
    deleted since drop out). Returns how many live items were read."""
    kept = set()
    for model in publishable_models():
        for item in model._default_manager.published():
            link_uses_keep(item=item, snapshot=Snapshot.of(item))
            kept.add((ContentType.objects.get_for_model(model).pk, item.pk))
    gone = [
        use.pk
        for use in LinkUse.objects.only("content_type_id", "object_id")
        if (use.content_type_id, use.object_id) not in kept
    ]
    LinkUse.objects.filter(pk__in=gone).delete()
    return len(kept)


def links_check_published(*, now: datetime.datetime | None = None) -> list[Link]:
    """The daily run: refresh the uses, check every link published content uses, and forget
    links nobody has used for a while."""
    link_uses_refresh()
    used = Link.objects.filter(uses__isnull=False).distinct().values_list("url", flat=True)
    checked = links_check(urls=list(used))
    cutoff = (now or timezone.now()) - FORGET_UNUSED_AFTER
    Link.objects.filter(uses__isnull=True, checked_at__lt=cutoff).delete()
    return checked


def _check_in_background(urls: list[str]) -> None:
    try:
        links_check(urls=urls)
    except Exception:  # a thread has nobody to raise to: the daily run checks them again
        logger.exception("Checking %d links in the background failed", len(urls))
    finally:
        connections.close_all()  # this thread's own connections


def links_check_soon(*, urls: Iterable[str]) -> threading.Thread | None:
    """Check the URLs not checked lately, in a thread after the response unless
    LINK_CHECK_BACKGROUND is off (then now). Returns the thread, if one was started."""
    urls = stale_urls(urls)
    if not urls:
        return None
    if not settings.LINK_CHECK_BACKGROUND:
        links_check(urls=urls)
        return None
    thread = threading.Thread(
        target=_check_in_background, args=(urls,), name="link-check", daemon=True
    )
    thread.start()
    return thread


def links_on_ready_for_review(*, item, snapshot: Snapshot) -> None:
    """Listens to `portal.publishing.reviews.review_request`: the links of what would go live
    are checked before a publisher opens the publishing page."""
    links_check_soon(urls=[found.url for found in links_in(snapshot)])
