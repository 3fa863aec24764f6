"""`choice_label`, the models' fast `get_<field>_display`."""

from django.utils import translation

from events.models import Event
from portal.models import choice_label
from schemes.models import Applicant, Scheme


def test_label_is_text_in_the_active_language():
    with translation.override("zh-hant"):
        label = Event(category=Event.Category.SEMINAR).get_category_display()
    assert type(label) is str  # joined into the search index's keywords, so no lazy string
    assert label == "研討會"


def test_value_that_is_no_choice_shows_as_it_is():
    assert choice_label(Event.EventStatus, "unheard-of") == "unheard-of"
    assert Scheme(applicant="").get_applicant_display() == ""


def test_labels_match_djangos_own():
    for applicant in Applicant:
        scheme = Scheme(applicant=applicant)
        assert scheme.get_applicant_display() == scheme._get_FIELD_display(
            Scheme._meta.get_field("applicant")
        )
