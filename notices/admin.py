from django.contrib import admin
from django.utils import timezone
from modeltranslation.admin import TabbedTranslationAdmin

from notices.models import Notice
from notices.services import notice_revise


@admin.register(Notice)
class NoticeAdmin(TabbedTranslationAdmin):
    list_display = ("title", "slug", "status", "order", "last_revised")
    list_filter = ("status",)
    search_fields = ("title_en", "title_zh_hant", "slug")
    prepopulated_fields = {"slug": ("title_en",)}

    def save_model(self, request, obj, form, change):
        previous = Notice.objects.filter(pk=obj.pk).first() if change else None
        notice_revise(notice=obj, previous=previous, today=timezone.localdate())
        super().save_model(request, obj, form, change)
