from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from events.models import Event


class EventFilterForm(forms.Form):
    """The filters of the upcoming list, read from the query string."""

    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", _("All categories")), *Event.Category.choices],
        required=False,
        error_messages={"invalid_choice": _("There is no category called “%(value)s”.")},
    )
    # A choice of slugs from the organisers given, not a ModelChoiceField: its choices run a
    # query each time they are shown, and the page shows them on every request.
    organiser = forms.ChoiceField(
        label=_("Organiser"),
        required=False,
        error_messages={"invalid_choice": _("There is no organiser with upcoming events here.")},
    )

    def __init__(self, data, *, organisers):
        super().__init__(data)
        self.organisers = {organisation.slug: organisation for organisation in organisers}
        self.fields["organiser"].choices = [
            ("", _("All organisers")),
            *((slug, organisation.name) for slug, organisation in self.organisers.items()),
        ]

    def clean_organiser(self):
        """The organisation itself, or None for all."""
        return self.organisers.get(self.cleaned_data["organiser"])

    def filters(self) -> dict:
        """Keyword arguments for the selector; empty when the form is invalid."""
        if not self.is_valid():
            return {}
        return {
            "category": self.cleaned_data["category"],
            "organiser": self.cleaned_data["organiser"],
        }

    def query_string(self) -> str:
        """The valid, non-empty filters as a query string, to carry into the feed links."""
        params = {}
        if self.is_valid():
            if self.cleaned_data["category"]:
                params["category"] = self.cleaned_data["category"]
            if self.cleaned_data["organiser"]:
                params["organiser"] = self.cleaned_data["organiser"].slug
        return f"?{urlencode(params)}" if params else ""
