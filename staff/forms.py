from django import forms
from django.utils.translation import gettext_lazy as _

from staff.models import ADMIN_LANGUAGES


class OneTimeCodeForm(forms.Form):
    """A code from the authenticator or a recovery code, typed or pasted (WCAG 3.3.8: nothing
    to remember or transcribe), as apps show it: "123 456" or "123-456" count as "123456"."""

    token = forms.CharField(
        label=_("Code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split()).replace("-", "")


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=ADMIN_LANGUAGES)
    next = forms.CharField(required=False)
