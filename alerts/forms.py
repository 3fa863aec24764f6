from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Alert


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address in the right format, like name@example.com."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Alert.Frequency.choices,
        initial=Alert.Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how often you want e-mails.")},
    )


class ManageAlertForm(forms.Form):
    alert = forms.IntegerField(widget=forms.HiddenInput)
    frequency = forms.ChoiceField(choices=Alert.Frequency.choices, required=False)
    action = forms.ChoiceField(choices=[("frequency", "frequency"), ("delete", "delete")])
