"""Staff editing of schemes: both languages in tabs, sections and contacts inline."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from reversion.admin import VersionAdmin

from portal.admin import ContentAdmin

from .models import (
    EligibilityOption,
    EligibilityQuestion,
    EligibilityRule,
    Scheme,
    SchemeContact,
    SchemeSection,
)
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


class EligibilityRuleForm(forms.ModelForm):
    def clean(self):
        cleaned_data = super().clean()
        question = cleaned_data.get("question")
        for name in ("passing_options", "failing_options"):
            options = cleaned_data.get(name) or []
            if any(option.question_id != getattr(question, "pk", None) for option in options):
                self.add_error(name, _("Choose only answers to this rule's question."))
        passing = set(cleaned_data.get("passing_options") or [])
        if passing & set(cleaned_data.get("failing_options") or []):
            self.add_error("failing_options", _("An answer cannot both meet and fail the rule."))
        return cleaned_data


class EligibilityRuleInline(TranslationStackedInline):
    """Each rule of the eligibility check, quoted from the scheme's own text."""

    model = EligibilityRule
    form = EligibilityRuleForm
    fields = (
        "order",
        "question",
        "passing_options",
        "failing_options",
        "source_text",
        "section_anchor",
    )
    ordering = ("order", "pk")
    extra = 0

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs["queryset"] = EligibilityOption.objects.select_related("question")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


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
    inlines = (SchemeSectionInline, SchemeContactInline, EligibilityRuleInline)

    def parts_saved(self, item):
        # The search columns read the sections, which are saved only now.
        scheme_refresh_search(scheme=item)


class EligibilityOptionInline(TranslationTabularInline):
    model = EligibilityOption
    fields = ("order", "value", "label")
    ordering = ("order", "pk")
    extra = 0


@admin.register(EligibilityQuestion)
class EligibilityQuestionAdmin(VersionAdmin, TabbedTranslationAdmin):
    """The questions of the eligibility check; every change is kept in the history."""

    list_display = ("text", "key", "kind", "order")
    search_fields = ("key", "text_en", "text_zh_hant")
    inlines = (EligibilityOptionInline,)
