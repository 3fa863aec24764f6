"""Editors' changes to published items wait for a publisher (`portal.publishing`).

The live rows stay the published version, so the public site, search, the assistant, feeds
and alerts keep showing it. An editor's save of a published item runs as usual in a
transaction that is then rolled back, and what it left (the item and its parts) is kept as
pending changes; the change form and the preview show them by writing them over the live rows
in a transaction rolled back the same way. A publisher's save commits: with the pending
changes, which the form showed, and their own edits.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db import transaction
from django.utils.translation import gettext

from portal.models import Publishable
from portal.publishing.services import (
    pending_after_publisher_save,
    pending_keep,
    pending_of,
    publishing_forget,
    rehearsal,
)
from portal.publishing.snapshots import Snapshot, SnapshotConflict, snapshot_apply
from portal.roles import can_publish


@dataclass(frozen=True)
class ContentSave:
    """What `ContentAdmin.save_related` needs to know about the save under way."""

    before: Snapshot | None  # the item and its parts as the public saw them
    goes_live: bool  # False while an editor's changes are kept for a publisher


def saved(request, response) -> bool:
    return request.method == "POST" and response.status_code == 302


def rendered(response):
    """Render now, while the rows the page shows are still in the transaction."""
    if hasattr(response, "render"):
        response.render()
    return response


class PendingChangesMixin:
    """For ContentAdmin: the change form, restore and delete, with pending changes."""

    def keeps_pending(self, request, item) -> bool:
        return item.status == Publishable.Status.PUBLISHED and not can_publish(request.user)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        item = self.get_object(request, unquote(object_id))
        parent = super()
        view = lambda: parent.change_view(request, object_id, form_url, extra_context)  # noqa: E731
        return self.with_pending(request, item, view, show_pending=True)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restoring a version is a save: an editor's restore of a published item waits too.
        The restore form shows the old version, not the pending changes."""
        item = self.get_object(request, unquote(object_id))
        parent = super()
        view = lambda: parent.revision_view(request, object_id, version_id, extra_context)  # noqa: E731
        return self.with_pending(request, item, view, show_pending=False)

    def with_pending(self, request, item, view, *, show_pending: bool):
        if item is None:
            return view()
        if request.method != "POST":
            pending = pending_of(item) if show_pending else None
            if pending is None:
                return view()
            with rehearsal():
                self.apply_pending(request, pending, item)
                return rendered(view())
        # The live row stays locked until the save or the pending changes are stored, so two
        # saves, or a save and a publish, cannot both start from the same pending changes.
        with transaction.atomic():
            item = type(item)._default_manager.select_for_update().get(pk=item.pk)
            pending = pending_of(item) if show_pending else None
            if self.keeps_pending(request, item):
                return self.keep_pending(request, item, pending, view)
            return self.save_live(request, item, pending, view)

    def save_live(self, request, item, pending, view):
        """A publisher's save (or any save of a draft): with the pending changes the form
        showed, straight to the live rows."""
        request.content_save = ContentSave(before=Snapshot.of(item), goes_live=True)
        with transaction.atomic():
            applied = pending is not None and self.apply_pending(request, pending, item)
            response = view()
            if not saved(request, response):
                rendered(response)
                transaction.set_rollback(True)
                return response
        pending_after_publisher_save(item=item, user=request.user, applied=applied)
        return response

    def keep_pending(self, request, item, pending, view):
        request.content_save = ContentSave(before=None, goes_live=False)
        snapshot = None
        with rehearsal():
            if pending is not None:
                self.apply_pending(request, pending, item)
            opened = Snapshot.of(item)
            response = view()
            if saved(request, response):
                snapshot = Snapshot.of(type(item)._default_manager.get(pk=item.pk))
            else:
                rendered(response)
        # A save that changed nothing (or a view that only redirected) leaves nothing waiting.
        if snapshot is not None and not snapshot.same_content(opened):
            pending_keep(item=item, snapshot=snapshot, user=request.user, based_on=item.updated_at)
        return response

    def apply_pending(self, request, pending, item) -> bool:
        try:
            snapshot_apply(Snapshot(tuple(pending.snapshot)), item)
        except SnapshotConflict as conflict:
            messages.error(
                request,
                gettext(
                    "The changes waiting for a publisher cannot be shown: %(reason)s A "
                    "publisher can discard them; the form shows the published version."
                )
                % {"reason": conflict},
            )
            return False
        return True

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        save = getattr(request, "content_save", None)
        if save is not None and not save.goes_live and level == messages.SUCCESS:
            message = gettext(
                "Your changes were saved. They wait for a content publisher: the public site "
                "shows the published version until a publisher publishes them."
            )
        super().message_user(request, message, level, *args, **kwargs)

    def delete_model(self, request, obj):
        publishing_forget(items=[obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        publishing_forget(items=queryset)
        super().delete_queryset(request, queryset)
