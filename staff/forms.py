from django import forms
from django.utils.translation import gettext_lazy as _

from staff.models import ADMIN_LANGUAGES


class OneTimeCodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=ADMIN_LANGUAGES)
    next = forms.CharField(required=False)
