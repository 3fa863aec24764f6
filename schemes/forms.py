"""The finder's GET parameters, validated: anything unexpected is reported, never a 500."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.i18n.text import MAX_QUERY_LENGTH, clean_user_text

from .models import Applicant, SupportType
from .selectors import SchemeFilters, SchemeSort, scheme_organisation_choices
from .status import SchemeStatus

SORT_CHOICES = [
    (SchemeSort.RELEVANCE, _("Best match (with a search)")),
    (SchemeSort.NAME, _("Name")),
    (SchemeSort.CLOSING, _("Closing date (soonest first)")),
    (SchemeSort.FUNDING, _("Maximum funding (highest first)")),
    (SchemeSort.NEWEST, _("Newest first")),
]
NEW_CHOICES = [
    ("7", _("In the last 7 days")),
    ("30", _("In the last 30 days")),
    ("90", _("In the last 90 days")),
]


class SchemeFinderForm(forms.Form):
    q = forms.CharField(label=_("Search schemes"), required=False)
    type = forms.MultipleChoiceField(
        label=_("Type of support"), choices=SupportType.choices, required=False
    )
    organisation = forms.MultipleChoiceField(label=_("Administered by"), required=False)
    applicant = forms.MultipleChoiceField(
        label=_("Who can apply"), choices=Applicant.choices, required=False
    )
    status = forms.MultipleChoiceField(
        label=_("Status"), choices=SchemeStatus.choices, required=False
    )
    new = forms.ChoiceField(label=_("New on this site"), choices=NEW_CHOICES, required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query_was_shortened = False
        # Only bodies with a published scheme are worth offering as a filter.
        self.fields["organisation"].choices = scheme_organisation_choices()

    def clean_q(self):
        raw = self.cleaned_data["q"]
        query = clean_user_text(raw)
        self.query_was_shortened = len(" ".join(raw.split())) > MAX_QUERY_LENGTH
        return query

    def value(self, name: str):
        """A field's cleaned value, or its empty value when it was missing or invalid."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        default = [] if isinstance(self.fields[name], forms.MultipleChoiceField) else ""
        return self.cleaned_data.get(name) or default

    @property
    def query(self) -> str:
        return self.value("q")

    @property
    def sort_order(self) -> str:
        """As chosen; by default the best match first (by name when there is no keyword), so a
        keyword typed into the form, which sends the order shown, is ranked too."""
        return self.value("sort") or SchemeSort.RELEVANCE

    @property
    def ignored_filters(self) -> list[tuple[str, str]]:
        """(field label, reason) for each parameter that could not be used."""
        return [
            (str(self.fields[name].label), str(message))
            for name, messages in self.errors.items()
            for message in messages
        ]

    @property
    def filters(self) -> SchemeFilters:
        return SchemeFilters(
            support_types=tuple(self.value("type")),
            organisations=tuple(self.value("organisation")),
            applicants=tuple(self.value("applicant")),
            statuses=tuple(self.value("status")),
            new_within_days=int(self.value("new")) if self.value("new") else None,
        )


MAX_EMPLOYEES = 1_000_000  # more people than any business employs in Hong Kong


class SeveralAnswersField(forms.MultipleChoiceField):
    """Ticked answers; an empty one (a link from when the question took one answer, "Not
    sure") means no answer rather than an error."""

    def to_python(self, value):
        return [answer for answer in super().to_python(value) if answer]


class EligibilityCheckForm(forms.Form):
    """One optional field per question, built from the questions staff edit."""

    def __init__(self, data=None, *, questions):
        super().__init__(data)
        self.questions = questions
        for question in questions:
            self.fields[question.key] = self._field(question)
            self.fields[question.key].question = question  # its hint and kind, for the template

    @staticmethod
    def _field(question):
        if question.kind == question.Kind.EMPLOYEES:
            return forms.IntegerField(
                label=question.text,
                required=False,
                min_value=0,
                max_value=MAX_EMPLOYEES,
                error_messages={
                    "invalid": _("Enter the number of people as a whole number, e.g. 12."),
                    "min_value": _("The number of people cannot be negative."),
                    "max_value": _("Enter a number of people up to 1,000,000."),
                },
            )
        choices = [(o.value, o.label) for o in question.options.all()]
        if question.kind == question.Kind.SEVERAL:
            return SeveralAnswersField(
                label=question.text,
                required=False,
                choices=choices,
                error_messages={
                    "invalid_choice": _("That is not one of the answers: choose from the list.")
                },
            )
        return forms.ChoiceField(
            label=question.text,
            required=False,
            choices=[("", ""), *choices],
            error_messages={
                "invalid_choice": _("That is not one of the answers: choose one below.")
            },
        )

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            if isinstance(field, forms.MultipleChoiceField):
                continue
            if len(self.data.getlist(name)) > 1:
                self.add_error(name, _("This question was answered more than once: choose one."))
        return cleaned_data
