from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.admin.content import ContentAdmin
from portal.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(ContentAdmin):
    list_display = ("name", "short_name", *ContentAdmin.list_display[1:])
    search_fields = ("name", "short_name", "slug", "email")
    prepopulated_fields = {"slug": ("name_en",)}
    fieldsets = [
        (None, {"fields": ("name", "short_name", "slug", "description")}),
        (_("Contact"), {"fields": ("website", "address", "phone", "fax", "email")}),
    ]
