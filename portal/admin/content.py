"""`ContentAdmin`: the admin every content model (organisations, schemes, events, notices) uses.

Language tabs (modeltranslation), history (django-reversion), publishing rights, preview links
and the no-lost-edits check, so a section app only lists its fields.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.shortcuts import redirect
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import build_localized_fieldname
from reversion.admin import VersionAdmin
from reversion.models import Version

from portal import services
from portal.admin.audit import RecordDeletionsMixin
from portal.admin.filters import LiveFilter, ReviewFilter
from portal.admin.forms import ContentAdminForm, NoLostEditsAdminMixin
from portal.admin.history import VersionChangesMixin
from portal.admin.publishing import PendingChangesMixin
from portal.admin.review import PublishingPageMixin
from portal.alerts import alert_source_for
from portal.audit import Action, audit_record_each
from portal.changes import LANGUAGE_NAMES
from portal.models import Publishable
from portal.preview import preview_links
from portal.publishing.selectors import with_publishing_state
from portal.publishing.services import reviews_published
from portal.roles import can_publish
from portal.selectors import describe_users, objects_using, published_objects_using

PUBLISHING_FIELDS = ("status", "publish_from", "publish_until")
RECORD_FIELDS = ("updated_at", "updated_by")
ALERT_FIELDS = ("significant_change", "change_summary_en", "change_summary_zh_hant")


class ContentAdmin(
    RecordDeletionsMixin,
    PendingChangesMixin,
    PublishingPageMixin,
    NoLostEditsAdminMixin,
    VersionChangesMixin,
    VersionAdmin,
    TabbedTranslationAdmin,
):
    form = ContentAdminForm
    change_form_template = "admin/portal/content_change_form.html"
    list_display = ("__str__", "status", "live_now", "review_state", "updated_at", "updated_by")
    list_filter = ("status", LiveFilter, ReviewFilter, "updated_at")
    list_select_related = ("updated_by",)
    date_hierarchy = None
    actions = ["publish_selected", "unpublish_selected"]
    # "tid.gov.hk" typed without a scheme means https, as Django 6 will assume anyway.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:
        # After modeltranslation's own files (jQuery UI comes from JQUERY_UI_URL, self-hosted).
        js = ("portal/admin/admin.js",)
        css = {"all": ("portal/admin/admin.css",)}

    # Columns and search

    @admin.display(boolean=True, description=_("live now"))
    def live_now(self, obj):
        return obj.is_live()

    @admin.display(description=_("review"), ordering="waiting_for_review")
    def review_state(self, obj):
        if getattr(obj, "waiting_for_review", False):
            return gettext("Waiting for review")
        if getattr(obj, "has_pending_changes", False):
            return gettext("Changes waiting")
        return ""

    def get_queryset(self, request):
        return with_publishing_state(super().get_queryset(request))

    def get_search_fields(self, request):
        """Each translated field is searched in both stored languages."""
        fields = []
        for name in super().get_search_fields(request):
            if name in self.trans_opts.all_fields:
                fields += [build_localized_fieldname(name, code) for code in LANGUAGE_NAMES]
            else:
                fields.append(name)
        return fields

    # The form

    def get_fieldsets(self, request, obj=None):
        """The model's own fields first, then publishing, then who changed it last."""
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            own = PUBLISHING_FIELDS + RECORD_FIELDS + ALERT_FIELDS
            fields = [f for f in options["fields"] if f not in own]
            fieldsets.append((name, {**options, "fields": fields}))
        fieldsets.append((_("Publishing"), {"fields": PUBLISHING_FIELDS}))
        alerts = obj is not None and alert_source_for(self.model) is not None
        if alerts and can_publish(request.user):  # an e-mail to subscribers is publishing too
            fieldsets.append((_("E-mail alerts"), {"fields": ALERT_FIELDS}))
        if obj is not None:
            fieldsets.append((_("Last change"), {"fields": RECORD_FIELDS}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), *RECORD_FIELDS]
        if not can_publish(request.user):
            readonly += PUBLISHING_FIELDS  # editors prepare content; publishers publish it
        return readonly

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        translated = getattr(db_field, "translated_field", None)
        if field is not None and translated is not None and not field.required:
            fallback = fallback_language(db_field.language)
            if fallback:
                hint = gettext("If empty, the %(language)s text is shown.") % {
                    "language": LANGUAGE_NAMES[fallback]
                }
                field.help_text = f"{field.help_text} {hint}".strip()
        return field

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            preview_links=preview_links(obj) if obj is not None and obj.pk else [],
            languages_note=True,
            publishing=self.publishing_status(request, obj) if obj is not None and obj.pk else None,
        )
        # The editor's import map is inline; the CSP nonce lets exactly that script run.
        media = context.get("media")
        if hasattr(media, "with_nonce"):
            context["media"] = media.with_nonce(request.csp_nonce)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        if form is not None and "status" in form.changed_data:
            published = obj.status == Publishable.Status.PUBLISHED
            action = Action.PUBLISHED if published else Action.UNPUBLISHED
            audit_record_each(action=action, request=request, objects=[obj])

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.parts_saved(form.instance)
        save = getattr(request, "content_save", None)  # see PendingChangesMixin
        if save is not None and not save.goes_live:
            return
        data = form.cleaned_data
        services.content_went_live(
            item=form.instance,
            before=save.before if save else None,
            user=request.user,
            significant=bool(data.get("significant_change")) and can_publish(request.user),
            summary_en=data.get("change_summary_en", ""),
            summary_zh_hant=data.get("change_summary_zh_hant", ""),
        )

    def parts_saved(self, item):
        """After the item's parts (inlines) are saved: for what is derived from them."""

    # Publishing rights

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def has_delete_permission(self, request, obj=None):
        published = obj is not None and obj.status == Publishable.Status.PUBLISHED
        if published and not can_publish(request.user):
            return False
        return super().has_delete_permission(request, obj)

    def get_deleted_objects(self, objs, request):
        """Refuse, with reasons, to delete published items (editors) or items still in use."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        objs = list(objs)
        if not can_publish(request.user) and any(
            obj.status == Publishable.Status.PUBLISHED for obj in objs
        ):
            perms_needed.add(
                gettext("published %(items)s") % {"items": self.opts.verbose_name_plural}
            )
        for obj in objs:
            for user in objects_using(obj):
                protected.append(f"{capfirst(user._meta.verbose_name)}: {user}")
        return deleted, counts, perms_needed, protected

    @admin.action(permissions=["publish"], description=_("Publish the selected items"))
    def publish_selected(self, request, queryset):
        changed = services.content_set_status(
            items=queryset, status=Publishable.Status.PUBLISHED, user=request.user
        )
        audit_record_each(action=Action.PUBLISHED, request=request, objects=changed)
        reviews_published(items=changed, user=request.user)
        self.message_user(request, gettext("%(count)d published.") % {"count": len(changed)})

    @admin.action(
        permissions=["publish"], description=_("Unpublish the selected items (back to draft)")
    )
    def unpublish_selected(self, request, queryset):
        used = {item.pk: published_objects_using(item) for item in queryset}
        for item in queryset:
            if used[item.pk] and item.is_live():
                message = gettext(
                    "“%(item)s” stays published: published content uses it (%(users)s)."
                ) % {"item": item, "users": describe_users(used[item.pk])}
                self.message_user(request, message, messages.ERROR)
        free = [item for item in queryset if not (used[item.pk] and item.is_live())]
        changed = services.content_set_status(
            items=free, status=Publishable.Status.DRAFT, user=request.user
        )
        audit_record_each(action=Action.UNPUBLISHED, request=request, objects=changed)
        self.message_user(request, gettext("%(count)d back to draft.") % {"count": len(changed)})

    # History

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Editors may restore older text, but not a different publishing state."""
        if request.method == "POST" and not can_publish(request.user):
            version = Version.objects.filter(pk=version_id).first()
            current = self.get_object(request, object_id)
            if version and current and changes_publishing(version, current):
                messages.error(
                    request,
                    gettext(
                        "This version was published differently from the current one. "
                        "Ask a content publisher to restore it."
                    ),
                )
                return redirect(request.path)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if request.method == "POST" and not can_publish(request.user):
            version = Version.objects.filter(pk=version_id).first()
            if version and version.field_dict.get("status") == Publishable.Status.PUBLISHED:
                messages.error(
                    request, gettext("Only a content publisher can recover a published item.")
                )
                return redirect(request.path)
        return super().recover_view(request, version_id, extra_context)


def fallback_language(code: str) -> str | None:
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    chain = fallbacks.get(code, fallbacks.get("default", ()))
    return next((other for other in chain if other != code), None)


def changes_publishing(version, current) -> bool:
    saved = version.field_dict
    return any(saved.get(name) != getattr(current, name) for name in PUBLISHING_FIELDS)
