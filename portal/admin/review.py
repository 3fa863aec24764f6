"""The publishing page of an item: what its pending changes change, the review, and the steps.

`<id>/publishing/` beside the change form. Whoever may change the item marks it ready for
review; only publishers publish, send back or discard (`portal.roles.can_publish`), whatever
is posted.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext

from portal.admin.forms import ACTION_FORMS
from portal.alerts import alert_source_for
from portal.changes import snapshot_changes
from portal.preview import preview_links
from portal.publishing import reviews, services
from portal.publishing.snapshots import Snapshot, SnapshotConflict
from portal.roles import can_publish

ACTIONS = ("ready", "publish", "send_back", "discard")
PUBLISHER_ACTIONS = ("publish", "send_back", "discard")


class PublishingPageMixin:
    """For ContentAdmin: the publishing page and its actions, and the review in the history."""

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
        return {
            "url": self.publishing_url(item),
            "pending": services.pending_of(item),
            "review": services.review_request_of(item),
            "published": item.status == item.Status.PUBLISHED,
            "can_publish": can_publish(request.user),
        }

    def history_view(self, request, object_id, extra_context=None):
        item = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if item is not None:
            context.update(
                steps=services.publishing_steps_of(item)[:50],
                publishing_url=self.publishing_url(item),
            )
        return super().history_view(request, object_id, context)

    def publishing_view(self, request, object_id):
        item = self.get_object(request, unquote(object_id))
        if item is None:
            raise Http404(gettext("No such item."))
        if not self.has_view_or_change_permission(request, item):
            raise PermissionDenied
        action = request.POST.get("action", "") if request.method == "POST" else ""
        pending = services.pending_of(item)
        seen = pending.saved_at.isoformat() if pending else ""
        forms_ = {
            name: form_class(request.POST if name == action else None, initial={"seen": seen})
            for name, form_class in ACTION_FORMS.items()
        }
        if request.method != "POST":
            return self.publishing_page(request, item, forms_)
        if action not in ACTIONS:
            return self.publishing_page(request, item, forms_, status=400)
        if action in PUBLISHER_ACTIONS and not can_publish(request.user):
            raise PermissionDenied
        if not self.has_change_permission(request, item):
            raise PermissionDenied
        form = forms_.get(action)
        if form is not None and not form.is_valid():
            return self.publishing_page(request, item, forms_, status=400)
        getattr(self, f"publishing_{action}")(request, item, form)
        return redirect(self.publishing_url(item))

    def publishing_publish(self, request, item, form):
        pending = services.pending_of(item)
        if (pending.saved_at.isoformat() if pending else "") != form.cleaned_data["seen"]:
            messages.error(
                request,
                gettext(
                    "Not published: the changes were saved again since you opened the page. "
                    "Check them below, then publish."
                ),
            )
            return
        if pending is None and item.status == item.Status.PUBLISHED:
            messages.error(request, gettext("Nothing waits for a publisher on this item."))
            return
        if pending is None:
            reviews.draft_publish(item=item, request=request)
            messages.success(request, gettext("Published."))
            return
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
            return
        messages.success(request, gettext("The changes are published."))

    def publishing_discard(self, request, item, form):
        pending = services.pending_of(item)
        if pending is None:
            messages.error(request, gettext("Nothing waits for a publisher on this item."))
            return
        services.pending_discard(pending=pending, request=request)
        messages.success(request, gettext("The changes were discarded."))

    def publishing_ready(self, request, item, form):
        if not reviews.review_can_request(item):
            messages.error(
                request,
                gettext("Nothing to review: the item is published and no changes wait."),
            )
            return
        url = request.build_absolute_uri(self.publishing_url(item))
        review, mailed = reviews.review_request(
            item=item, note=form.cleaned_data["note"], request=request, url=url
        )
        if review is None:
            messages.info(request, gettext("It is already waiting for review."))
        elif mailed:
            messages.success(request, gettext("Marked ready for review: the publishers are told."))
        else:
            messages.warning(
                request,
                gettext("Marked ready for review, but the e-mail to publishers could not be sent."),
            )

    def publishing_send_back(self, request, item, form):
        url = request.build_absolute_uri(self.publishing_url(item))
        mailed = reviews.review_send_back(
            item=item, note=form.cleaned_data["note"], request=request, url=url
        )
        if mailed:
            messages.success(request, gettext("Sent back: the editor is told."))
        else:
            messages.warning(
                request, gettext("Sent back, but the e-mail to the editor could not be sent.")
            )

    def publishing_page(self, request, item, forms_, status=200):
        pending = services.pending_of(item)
        changes, pending_preview = None, []
        if pending is not None:
            after = Snapshot(tuple(pending.snapshot))
            changes = snapshot_changes(model=self.model, before=Snapshot.of(item), after=after)
            pending_preview = preview_links(after.item())
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Publishing"),
            "subtitle": str(item),
            "opts": self.model._meta,
            "original": item,
            "object_id": item.pk,
            "pending": pending,
            "review": services.review_request_of(item),
            "can_request": reviews.review_can_request(item),
            "can_change": self.has_change_permission(request, item),
            "live_changed_since": pending is not None
            and pending.based_on is not None
            and pending.based_on != item.updated_at,
            "changes": changes,
            "preview_links": pending_preview or preview_links(item),
            "can_publish": can_publish(request.user),
            "forms": forms_,
            "alerts": alert_source_for(self.model) is not None,
            "steps": services.publishing_steps_of(item)[:50],
        }
        return TemplateResponse(request, "admin/portal/publishing.html", context, status=status)
