"""Simplified Chinese conversion overrides: one change rewrites every published /sc/ page, so
changing them is a publishing act, kept in history and checked for lost edits like content."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from portal.admin.audit import RecordDeletionsMixin
from portal.admin.forms import ContentAdminForm, NoLostEditsAdminMixin
from portal.i18n.conversion import readable_only
from portal.models import ConversionOverride
from portal.roles import can_publish

MARKUP_CHARACTERS = "<>&\"'"


def validate_term_is_text(value: str):
    if any(character in value for character in MARKUP_CHARACTERS):
        raise ValidationError(
            _("Use words only: a term cannot contain the characters < > & \" or '."),
            code="markup",
        )
    if readable_only(value) != value:
        raise ValidationError(
            _(
                "Use words only: this term contains an invisible or control character (such "
                "as a line break or a text-direction mark). Type the term again rather than "
                "pasting it."
            ),
            code="not_text",
        )


class ConversionOverrideForm(ContentAdminForm):
    def clean_traditional(self):
        value = self.cleaned_data["traditional"]
        validate_term_is_text(value)
        return value

    def clean_simplified(self):
        value = self.cleaned_data["simplified"]
        validate_term_is_text(value)
        return value


@admin.register(ConversionOverride)
class ConversionOverrideAdmin(RecordDeletionsMixin, NoLostEditsAdminMixin, VersionAdmin):
    form = ConversionOverrideForm
    change_form_template = "admin/portal/content_change_form.html"
    fields = ("traditional", "simplified", "note", "updated_at", "updated_by")
    list_display = ("traditional", "simplified", "note", "updated_at", "updated_by")
    list_select_related = ("updated_by",)
    search_fields = ("traditional", "simplified", "note")
    readonly_fields = ("updated_at", "updated_by")

    # Editors see the overrides; only publishers change them (permission portal.publish_content).

    def has_add_permission(self, request):
        return can_publish(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return can_publish(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return can_publish(request.user) and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
