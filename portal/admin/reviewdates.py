"""Review dates in the admin: the "Next review" column and filter, and "Mark reviewed" as a list
action and as a button on the change form (`<id>/reviewed/`), for publishers only."""

import datetime

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from portal.reviewdates.services import content_mark_reviewed, review_dates_keep
from portal.roles import can_publish


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("next review")
    parameter_name = "review_due"

    def lookups(self, request, model_admin):
        return [("overdue", _("Overdue")), ("soon", _("Due soon")), ("none", _("No date"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.filter(next_review__lt=today)
        if self.value() == "soon":
            until = today + datetime.timedelta(days=settings.CONTENT_REVIEW_DUE_DAYS)
            return queryset.filter(next_review__gte=today, next_review__lt=until)
        if self.value() == "none":
            return queryset.filter(next_review__isnull=True)
        return queryset


class ReviewDatesMixin:
    """For ContentAdmin."""

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/reviewed/",
                self.admin_site.admin_view(self.reviewed_view),
                name=f"{opts.app_label}_{opts.model_name}_reviewed",
            ),
            *super().get_urls(),
        ]

    def review_dates_context(self, request, item) -> dict:
        """For the box above the change form."""
        opts = self.model._meta
        today = timezone.localdate()
        return {
            "item": item,
            "overdue": item.next_review is not None and item.next_review < today,
            "can_mark": can_publish(request.user) and item.status == item.Status.PUBLISHED,
            "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_reviewed", args=[item.pk]),
        }

    @admin.action(permissions=["publish"], description=_("Mark the selected items reviewed"))
    def mark_reviewed(self, request, queryset):
        marked = content_mark_reviewed(items=queryset, request=request)
        self.message_user(
            request,
            ngettext("%(count)d marked reviewed.", "%(count)d marked reviewed.", len(marked))
            % {"count": len(marked)},
        )
        if len(marked) < queryset.count():
            self.message_user(
                request, gettext("Drafts are reviewed when they are published."), messages.WARNING
            )

    def reviewed_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        item = self.get_object(request, unquote(object_id))
        if item is None:
            raise Http404(gettext("No such item."))
        if not can_publish(request.user) or not self.has_change_permission(request, item):
            raise PermissionDenied
        if content_mark_reviewed(items=[item], request=request):
            message = gettext("Marked reviewed: the next review is due on %(date)s.")
            messages.success(request, message % {"date": date_format(item.next_review)})
        else:
            messages.error(request, gettext("Drafts are reviewed when they are published."))
        opts = self.model._meta
        return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]))

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restoring an older version brings back its text, not its review dates."""
        item = self.get_object(request, unquote(object_id))
        with transaction.atomic():
            response = super().revision_view(request, object_id, version_id, extra_context)
            if item is not None and request.method == "POST" and response.status_code == 302:
                review_dates_keep(item=item)
        return response
