"""The form every content item's change page uses: publishing dates and no lost edits."""

from django import forms
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.history import fields_changed_since

OPENED_FIELD = "opened_version"


def version_token(updated_at) -> str:
    return updated_at.isoformat() if updated_at else ""


class ContentAdminForm(forms.ModelForm):
    # Optimistic concurrency without a schema change: the `updated_at` the form was opened at.
    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[OPENED_FIELD].initial = version_token(self.instance.updated_at)

    def clean(self):
        cleaned_data = super().clean()
        self.check_publishing_window(cleaned_data)
        if self.instance.pk:
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

    def check_not_changed_since_opened(self):
        opened = self.cleaned_data.get(OPENED_FIELD)
        model = type(self.instance)
        # Locked until this save commits (PostgreSQL), so two saves cannot both pass.
        current = model._default_manager.select_for_update().filter(pk=self.instance.pk).first()
        if not opened or current is None or version_token(current.updated_at) == opened:
            return
        # A second save now replaces the other person's version: they have been told.
        self.data = self.data.copy()
        self.data[self.add_prefix(OPENED_FIELD)] = version_token(current.updated_at)
        raise forms.ValidationError(self.conflict_message(current, opened), code="conflict")

    def conflict_message(self, current, opened) -> str:
        who = current.updated_by.get_username() if current.updated_by else gettext("someone")
        when = localize(template_localtime(current.updated_at))
        opened_at = forms.DateTimeField().to_python(opened)
        changed = fields_changed_since(current, opened_at)
        message = gettext(
            "Not saved: %(who)s saved this item at %(when)s, after you opened it."
        ) % {"who": who, "when": when}
        if changed:
            message += " " + gettext("They changed: %(fields)s.") % {"fields": ", ".join(changed)}
        return (
            message
            + " "
            + gettext(
                "Your changes are still in the form below. Check the current version (History, "
                "or open the item in a new tab), then save again to replace it with yours."
            )
        )
