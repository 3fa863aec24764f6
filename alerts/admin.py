"""Staff see how many confirmed subscribers each kind of alert has, and preview e-mails.

Counts and previews are open to all staff; addresses only to holders of
`alerts.view_subscriber_address`.
"""

from django.contrib import admin
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.admin.readonly import ReadOnlyAdmin
from portal.alerts import ChangeReason, alert_sources
from portal.i18n import languages

from .emails import alert_label, alert_message, kind_label
from .models import Alert, Change, Subscriber
from .selectors import alert_counts_by_kind

ADDRESS_PERMISSION = "alerts.view_subscriber_address"


class ReadOnlyStaffAdmin(ReadOnlyAdmin):
    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff


@admin.register(Alert)
class AlertAdmin(ReadOnlyStaffAdmin):
    list_display = ("kind", "following", "language", "frequency", "confirmed_at")
    list_filter = ("kind", "language", "frequency")
    change_list_template = "admin/alerts/alert/change_list.html"

    @admin.display(description=_("following"))
    def following(self, obj):
        return alert_label(obj) if obj.followed_type_id else "–"

    def get_list_display(self, request):
        if request.user.has_perm(ADDRESS_PERMISSION):
            return ("subscriber", *self.list_display)
        return self.list_display

    def get_fields(self, request, obj=None):
        fields = [
            "kind",
            "following",
            "filters",
            "language",
            "frequency",
            "created_at",
            "confirmed_at",
        ]
        return ["subscriber", *fields] if request.user.has_perm(ADDRESS_PERMISSION) else fields

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request,
            {
                **(extra_context or {}),
                "alert_counts": [
                    {**row, "label": kind_label(row["kind"]) or _("Everything new")}
                    for row in alert_counts_by_kind()
                ],
            },
        )


@admin.register(Subscriber)
class SubscriberAdmin(ReadOnlyStaffAdmin):
    list_display = ("email", "created_at")
    search_fields = ("email",)

    def has_view_permission(self, request, obj=None):
        return request.user.is_staff and request.user.has_perm(ADDRESS_PERMISSION)

    def has_delete_permission(self, request, obj=None):
        return self.has_view_permission(request)  # to act on a request to erase an address


class ReasonFilter(admin.SimpleListFilter):
    title = _("reason")
    parameter_name = "reason"

    def lookups(self, request, model_admin):
        return list(ChangeReason.LABELS.items())

    def queryset(self, request, queryset):
        return queryset.filter(reason=self.value()) if self.value() else queryset


class KindFilter(admin.SimpleListFilter):
    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [(source.kind, source.label) for source in alert_sources()]

    def queryset(self, request, queryset):
        return queryset.filter(kind=self.value()) if self.value() else queryset


@admin.register(Change)
class ChangeAdmin(ReadOnlyStaffAdmin):
    """What subscribers will be told: each item by its title, and why, in words."""

    list_display = ("title", "kind_name", "reason_name", "created_at", "preview_link")
    list_filter = (KindFilter, ReasonFilter)

    @admin.display(description=_("item"))
    def title(self, obj):
        item = obj.item
        return str(item) if item is not None else _("(deleted)")

    @admin.display(description=_("kind"), ordering="kind")
    def kind_name(self, obj):
        return kind_label(obj.kind) or obj.kind

    @admin.display(description=_("reason"), ordering="reason")
    def reason_name(self, obj):
        return ChangeReason.LABELS.get(obj.reason, obj.reason)

    @admin.display(description=_("e-mail"))
    def preview_link(self, obj):
        url = reverse("admin:alerts_change_preview", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Preview"))

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("<int:change_id>/preview/", preview, name="alerts_change_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, change_id):
        change = get_object_or_404(Change, pk=change_id)
        item = change.item
        previews = []
        if item is not None:
            for language in languages.ALL:
                subscriber = Subscriber(pk=0, email="subscriber@example.com")
                sample = Alert(
                    pk=0, kind=change.kind, language=language.code, subscriber=subscriber
                )
                message = alert_message(subscriber=subscriber, group=[(sample, [(change, item)])])
                previews.append((language, message.subject, message.body))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Preview of the alert e-mail"),
            "change": change,
            "item": item,
            "previews": previews,
        }
        return TemplateResponse(request, "admin/alerts/change_preview.html", context)
