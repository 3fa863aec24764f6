"""The publishing page of an item: what its pending changes change, and the steps that remain.

`<id>/publishing/` beside the change form. Everyone who may change the item sees it; only
publishers publish, send back or discard (`portal.roles.can_publish`), whatever is posted.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext

from portal.admin.forms import ContentAdminForm
from portal.alerts import alert_source_for
from portal.changes import snapshot_changes
from portal.preview import preview_links
from portal.publishing import services
from portal.publishing.snapshots import Snapshot, SnapshotConflict
from portal.roles import can_publish


class PublishChangesForm(forms.Form):
    """The publisher's "Significant change" choice, as on the change form."""

    significant_change = ContentAdminForm.base_fields["significant_change"]
    change_summary_en = ContentAdminForm.base_fields["change_summary_en"]
    change_summary_zh_hant = ContentAdminForm.base_fields["change_summary_zh_hant"]


class PublishingPageMixin:
    """For ContentAdmin: the publishing page and its actions."""

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/publishing/",
                self.admin_site.admin_view(self.publishing_view),
                name=f"{opts.app_label}_{opts.model_name}_publishing",
            ),
            *super().get_urls(),
        ]

    def publishing_url(self, item) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_publishing", args=[item.pk])

    def publishing_status(self, request, item) -> dict:
        """For the notice above the change form: what waits, and what saving will do."""
        pending = services.pending_of(item)
        return {
            "url": self.publishing_url(item),
            "pending": pending,
            "published": item.status == item.Status.PUBLISHED,
            "can_publish": can_publish(request.user),
        }

    def publishing_view(self, request, object_id):
        item = self.get_object(request, unquote(object_id))
        if item is None:
            raise Http404(gettext("No such item."))
        if not self.has_view_or_change_permission(request, item):
            raise PermissionDenied
        pending = services.pending_of(item)
        publish_form = PublishChangesForm(request.POST if request.method == "POST" else None)
        if request.method == "POST":
            return self.publishing_action(request, item, pending, publish_form)
        return self.publishing_page(request, item, pending, publish_form)

    def publishing_action(self, request, item, pending, publish_form):
        action = request.POST.get("action", "")
        if action not in ("publish", "discard"):
            return self.publishing_page(request, item, pending, publish_form, status=400)
        if not can_publish(request.user):
            raise PermissionDenied
        if pending is None:
            messages.error(request, gettext("Nothing waits for a publisher on this item."))
            return redirect(self.publishing_url(item))
        if action == "discard":
            services.pending_discard(pending=pending, request=request)
            messages.success(request, gettext("The changes were discarded."))
            return redirect(self.publishing_url(item))
        if not publish_form.is_valid():
            return self.publishing_page(request, item, pending, publish_form, status=400)
        return self.publish_changes(request, item, pending, publish_form)

    def publish_changes(self, request, item, pending, form):
        data = form.cleaned_data
        try:
            services.pending_publish(
                pending=pending,
                request=request,
                significant=data["significant_change"],
                summary_en=data["change_summary_en"],
                summary_zh_hant=data["change_summary_zh_hant"],
            )
        except SnapshotConflict as conflict:
            messages.error(
                request,
                gettext("Not published: %(reason)s Edit the item, or discard the changes.")
                % {"reason": conflict},
            )
            return redirect(self.publishing_url(item))
        messages.success(request, gettext("The changes are published."))
        return redirect(self.publishing_url(item))

    def publishing_page(self, request, item, pending, publish_form, status=200):
        changes = None
        pending_preview = []
        if pending is not None:
            after = Snapshot(tuple(pending.snapshot))
            changes = snapshot_changes(model=self.model, before=Snapshot.of(item), after=after)
            pending_preview = preview_links(after.item())
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Publishing"),
            "subtitle": str(item),
            "opts": opts,
            "original": item,
            "object_id": item.pk,
            "pending": pending,
            "live_changed_since": pending is not None
            and pending.based_on is not None
            and pending.based_on != item.updated_at,
            "changes": changes,
            "preview_links": pending_preview,
            "can_publish": can_publish(request.user),
            "publish_form": publish_form,
            "alerts": alert_source_for(self.model) is not None,
            "steps": services.publishing_steps_of(item)[:50],
        }
        return TemplateResponse(request, "admin/portal/publishing.html", context, status=status)
