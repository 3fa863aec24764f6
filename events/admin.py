from django.contrib import admin

from events.models import Event
from portal.admin import ContentAdmin


@admin.register(Event)
class EventAdmin(ContentAdmin):
    list_display = (
        "title",
        "starts_at",
        "category",
        "event_status",
        *ContentAdmin.list_display[1:],
    )
    list_filter = (*ContentAdmin.list_filter, "event_status", "category", "date_precision")
    search_fields = ("title", "summary", "venue_name", "slug")
    date_hierarchy = "starts_at"
    filter_horizontal = ("organisers",)
    prepopulated_fields = {"slug": ("title_en",)}
