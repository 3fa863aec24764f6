from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Alert

# Top-level names that never reach a mailbox on the internet (RFC 2606, 6761, 6762, 9476).
RESERVED_TOP_LEVEL = {
    "localhost", "local", "localdomain", "invalid", "test", "example", "internal", "lan",
    "home", "arpa", "onion", "alt",
}  # fmt: skip

NOT_ON_THE_INTERNET = _(
    "Enter an address that can receive e-mail from the internet, like name@example.com."
)


def internet_domain(email: str) -> bool:
    """Not `a@localhost`, `a@[127.0.0.1]` or `a@intranet`: Django's EmailValidator takes them."""
    domain = email.rpartition("@")[2].lower().rstrip(".")
    return (
        not domain.startswith("[")
        and "." in domain
        and domain.rsplit(".", 1)[1] not in RESERVED_TOP_LEVEL
    )


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

    def clean_email(self):
        email = self.cleaned_data["email"]
        if not internet_domain(email):
            raise forms.ValidationError(NOT_ON_THE_INTERNET, code="invalid")
        return email


class FollowForm(SubscribeForm):
    """Following one item: the address only, e-mails as it happens."""

    frequency = None


class ManageAlertForm(forms.Form):
    alert = forms.IntegerField(widget=forms.HiddenInput)
    frequency = forms.ChoiceField(choices=Alert.Frequency.choices, required=False)
    action = forms.ChoiceField(choices=[("frequency", "frequency"), ("delete", "delete")])
