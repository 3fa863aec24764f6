from django.contrib import admin

from portal.admin.readonly import ReadOnlyAdmin
from portal.audit import Action, audit_record_each
from portal.models import AuditEntry


class RecordDeletionsMixin:
    """For a ModelAdmin: every deletion, one by one or from the list, goes into the record."""

    def delete_model(self, request, obj):
        audit_record_each(action=Action.DELETED, request=request, objects=[obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        audit_record_each(action=Action.DELETED, request=request, objects=queryset)
        super().delete_queryset(request, queryset)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """Administrators read the record; nobody adds, changes or deletes it here."""

    list_display = ("at", "username", "action", "target", "address")
    list_filter = ("action", "at")
    search_fields = ("username", "target", "address")
    date_hierarchy = "at"
    actions = None

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser
