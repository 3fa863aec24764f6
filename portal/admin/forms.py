"""The form every content item's change page uses: publishing dates and no lost edits."""

import copy

from django import forms
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.history import fields_changed_since
from portal.selectors import describe_users, published_objects_using

OPENED_FIELD = "opened_version"


def version_token(updated_at) -> str:
    return updated_at.isoformat() if updated_at else ""


class ContentAdminForm(forms.ModelForm):
    # Optimistic concurrency without a schema change: the `updated_at` the form was opened at.
    opened_version = forms.CharField(
        label=_("Version opened"), widget=forms.HiddenInput, required=False
    )
    # Off only while restoring a saved version, which replaces the current one by design.
    check_versions = True
    # Shown only for content people subscribe to (portal.alerts); see ContentAdmin.
    significant_change = forms.BooleanField(
        label=_("Significant change"),
        required=False,
        help_text=_(
            "Tick to e-mail the people who subscribed to alerts about items like this, or who "
            "follow it. Changes to a scheme's amount, dates, type of support, who can apply, "
            "status or sections are e-mailed without ticking."
        ),
    )
    change_summary_en = forms.CharField(
        label=_("Summary of the change (English)"),
        max_length=200,
        required=False,
        help_text=_("One line, e.g. “Application period extended to 30 June”."),
    )
    change_summary_zh_hant = forms.CharField(
        label=_("Summary of the change (Traditional Chinese)"), max_length=200, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[OPENED_FIELD].initial = version_token(self.instance.updated_at)

    def clean(self):
        cleaned_data = super().clean()
        self.check_publishing_window(cleaned_data)
        self.check_not_taken_down_while_used(cleaned_data)
        if self.instance.pk and self.check_versions:
            self.check_not_changed_since_opened()
        return cleaned_data

    def check_publishing_window(self, cleaned_data):
        start, end = cleaned_data.get("publish_from"), cleaned_data.get("publish_until")
        if start and end and end <= start:
            self.add_error(
                "publish_until",
                _("“Publish until” must be later than “publish from” (%(start)s).")
                % {"start": localize(template_localtime(start))},
            )

    def check_not_taken_down_while_used(self, cleaned_data):
        """An organisation published content names stays up: its pages link to it."""
        instance = self.instance
        if not instance.pk or "status" not in cleaned_data or not instance.is_live():
            return
        after = copy.copy(instance)
        for name in ("status", "publish_from", "publish_until"):
            setattr(after, name, cleaned_data.get(name))
        users = published_objects_using(instance) if not after.is_live() else []
        if users:
            self.add_error(
                "status",
                gettext(
                    "It cannot be taken off the site while published content uses it: "
                    "%(users)s. Unpublish those, or change what they name, first."
                )
                % {"users": describe_users(users)},
            )

    def check_not_changed_since_opened(self):
        opened = self.cleaned_data.get(OPENED_FIELD)
        model = type(self.instance)
        # Locked until this save commits (PostgreSQL), so two saves cannot both pass.
        current = model._default_manager.select_for_update().filter(pk=self.instance.pk).first()
        if current is None or (opened and version_token(current.updated_at) == opened):
            return
        # A missing or empty version is refused like a stale one: it cannot prove the form
        # showed the current text.
        # A second save now replaces the other person's version: they have been told.
        self.data = self.data.copy()
        self.data[self.add_prefix(OPENED_FIELD)] = version_token(current.updated_at)
        raise forms.ValidationError(self.conflict_message(current, opened), code="conflict")

    def conflict_message(self, current, opened) -> str:
        who = current.updated_by.get_username() if current.updated_by else gettext("someone")
        when = localize(template_localtime(current.updated_at))
        if not opened:
            message = gettext(
                "Not saved: the form did not say which version you opened, so it may not show "
                "the latest one (%(who)s saved it at %(when)s)."
            ) % {"who": who, "when": when}
            return message + " " + self.keep_text_message()
        opened_at = self.opened_at(opened)
        changed = fields_changed_since(current, opened_at) if opened_at else []
        message = gettext(
            "Not saved: %(who)s saved this item at %(when)s, after you opened it."
        ) % {"who": who, "when": when}
        if changed:
            message += " " + gettext("They changed: %(fields)s.") % {"fields": ", ".join(changed)}
        return message + " " + self.keep_text_message()

    @staticmethod
    def opened_at(opened: str):
        try:
            return forms.DateTimeField().to_python(opened)
        except forms.ValidationError:  # a tampered or garbled version: still a conflict
            return None

    @staticmethod
    def keep_text_message() -> str:
        return gettext(
            "Your changes are still in the form below. Check the current version (History, "
            "or open the item in a new tab), then save again to replace it with yours."
        )


class NoLostEditsAdminMixin:
    """For admins whose form is a ContentAdminForm: the check is off on django-reversion's
    restore and recover pages, where the old version has already replaced the current one."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        url_name = getattr(request.resolver_match, "url_name", "") or ""
        if url_name.endswith(("_revision", "_recover")):
            form = type(form.__name__, (form,), {"check_versions": False})
        return form


# The forms of an item's publishing page (portal.admin.review).


class PublishChangesForm(forms.Form):
    """The publisher's "Significant change" choice, as on the change form, and which saved
    changes they saw (the no-lost-edits check of publishing)."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False)
    significant_change = ContentAdminForm.base_fields["significant_change"]
    change_summary_en = ContentAdminForm.base_fields["change_summary_en"]
    change_summary_zh_hant = ContentAdminForm.base_fields["change_summary_zh_hant"]


class ReadyForReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Note for the publisher"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you changed and why, or what to check. Optional."),
    )


class SendBackForm(forms.Form):
    note = forms.CharField(
        label=_("What needs to change"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The editor who asked for the review gets it by e-mail."),
    )


ACTION_FORMS = {
    "publish": PublishChangesForm,
    "ready": ReadyForReviewForm,
    "send_back": SendBackForm,
}
