"""Staff editing of schemes: both languages in tabs, sections and contacts inline."""

from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline

from portal.admin import ContentAdmin

from .models import Scheme, SchemeContact, SchemeSection
from .services import scheme_refresh_search


class SchemeSectionInline(TranslationStackedInline):
    model = SchemeSection
    fields = ("order", "anchor", "heading", "body")
    ordering = ("order", "pk")
    extra = 0


class SchemeContactInline(admin.TabularInline):
    model = SchemeContact
    fields = ("order", "kind", "value")
    ordering = ("order", "pk")
    extra = 0


@admin.register(Scheme)
class SchemeAdmin(ContentAdmin):
    list_display = (
        "name",
        "abbreviation",
        "organisation",
        "opens_on",
        "closes_on",
        *ContentAdmin.list_display[1:],  # publishing status and last change
    )
    list_filter = (*ContentAdmin.list_filter, "support_type", "applicant", "organisation")
    search_fields = ("name", "summary", "abbreviation", "slug")
    list_select_related = ("organisation", "updated_by")
    prepopulated_fields = {"slug": ("abbreviation",)}
    inlines = (SchemeSectionInline, SchemeContactInline)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The search columns read the sections, which are saved only now.
        scheme_refresh_search(scheme=form.instance)
