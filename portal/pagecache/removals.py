"""The record of published items that left the public site, kept by the same model signals
that move the content generation (`generation.connect_content_signals`).

An item leaves when it is deleted while live, or saved no longer live (unpublished, its window
moved) or under another slug (the old one leaves). Drafts that were never live leave no trace:
their slugs are not public. Items whose window closes without a save are found from their own
rows (`PublishableQuerySet.expired_between`).
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from portal.models import ContentRemoval, Publishable

# Set on an instance before its save: the slug it was live under, if it was.
LIVE_SLUG = "_live_slug_before_save"


def _tracked(model) -> bool:
    return issubclass(model, Publishable) and any(f.name == "slug" for f in model._meta.fields)


def _before_save(sender, instance, **kwargs):
    if not _tracked(sender) or instance.pk is None:
        return
    live = sender._default_manager.published().filter(pk=instance.pk)
    instance.__dict__[LIVE_SLUG] = live.values_list("slug", flat=True).first()


def _after_save(sender, instance, **kwargs):
    slug = instance.__dict__.pop(LIVE_SLUG, None)
    if slug and (slug != instance.slug or not instance.is_live()):
        ContentRemoval.objects.create(model=sender._meta.label, slug=slug)


def _after_delete(sender, instance, **kwargs):
    if _tracked(sender) and instance.is_live():
        ContentRemoval.objects.create(model=sender._meta.label, slug=instance.slug)


def connect_removal_signals() -> None:
    pre_save.connect(_before_save, dispatch_uid="pagecache-removals-before-save")
    post_save.connect(_after_save, dispatch_uid="pagecache-removals-after-save")
    post_delete.connect(_after_delete, dispatch_uid="pagecache-removals-delete")


def removals_since(model, moment, *, now=None) -> list[dict]:
    """Slugs of `model` that left the public site after `moment` and are not live again, each
    with when it left, oldest first."""
    now = now or timezone.now()
    left = dict(
        ContentRemoval.objects.filter(
            model=model._meta.label, removed_at__gt=moment, removed_at__lte=now
        ).values_list("slug", "removed_at")
    )
    for slug, until in model._default_manager.expired_between(moment, now).values_list(
        "slug", "publish_until"
    ):
        left[slug] = max(until, left.get(slug, until))
    live = set(
        model._default_manager.published(now)
        .filter(slug__in=list(left))
        .values_list("slug", flat=True)
    )
    removed = sorted((at, slug) for slug, at in left.items() if slug not in live)
    return [{"slug": slug, "removed_at": at} for at, slug in removed]
