from django.contrib import admin
from django.utils import timezone

from notices.models import Notice
from notices.services import notice_revise
from portal.admin import ContentAdmin


@admin.register(Notice)
class NoticeAdmin(ContentAdmin):
    list_display = ("title", "slug", "order", "last_revised", *ContentAdmin.list_display[1:])
    search_fields = ("title", "body", "slug")
    prepopulated_fields = {"slug": ("title_en",)}

    def save_model(self, request, obj, form, change):
        previous = Notice.objects.filter(pk=obj.pk).first() if change else None
        notice_revise(notice=obj, previous=previous, today=timezone.localdate())
        super().save_model(request, obj, form, change)
