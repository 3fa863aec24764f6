"""The filters of every content list: live now, and where an item is in the publishing workflow."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class LiveFilter(admin.SimpleListFilter):
    title = _("live now")
    parameter_name = "live"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        live = queryset.published()
        if self.value() == "yes":
            return live
        if self.value() == "no":
            return queryset.exclude(pk__in=live.values("pk"))
        return queryset


class ReviewFilter(admin.SimpleListFilter):
    """Needs the annotations of `portal.publishing.selectors.with_publishing_state`."""

    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("waiting", _("Waiting for review")),
            ("pending", _("Changes waiting for a publisher")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(waiting_for_review=True)
        if self.value() == "pending":
            return queryset.filter(has_pending_changes=True)
        return queryset
