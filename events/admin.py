from django.contrib import admin
from django.db import models
from modeltranslation.admin import TabbedTranslationAdmin

from events.models import Event


@admin.register(Event)
class EventAdmin(TabbedTranslationAdmin):
    list_display = ("title", "starts_at", "category", "event_status", "status")
    list_filter = ("status", "event_status", "category", "date_precision")
    search_fields = ("title_en", "title_zh_hant", "slug")
    date_hierarchy = "starts_at"
    filter_horizontal = ("organisers",)
    prepopulated_fields = {"slug": ("title_en",)}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
