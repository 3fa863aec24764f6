"""Staff editing of schemes: both languages in tabs, sections and contacts inline."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

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
class SchemeAdmin(TabbedTranslationAdmin):
    list_display = ("name", "abbreviation", "organisation", "status", "opens_on", "closes_on")
    list_filter = ("status", "support_type", "applicant", "organisation")
    search_fields = ("name_en", "name_zh_hant", "abbreviation", "slug")
    list_select_related = ("organisation",)
    prepopulated_fields = {"slug": ("abbreviation",)}
    inlines = (SchemeSectionInline, SchemeContactInline)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The search columns read the sections, which are saved only now.
        scheme_refresh_search(scheme=form.instance)
