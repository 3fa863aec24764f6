import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemes.models import Scheme
from schemes.status import SchemeStatus, scheme_status
from tests.schemes.factories import make_scheme

TODAY = datetime.date(2019, 9, 27)


def status(opens=None, closes=None, today=TODAY):
    return scheme_status(Scheme(opens_on=opens, closes_on=closes), today=today)


@pytest.mark.parametrize(
    ("opens", "closes", "expected"),
    [
        (None, None, SchemeStatus.ROLLING),
        (datetime.date(2011, 1, 1), None, SchemeStatus.ROLLING),
        (TODAY, None, SchemeStatus.ROLLING),
        (TODAY + datetime.timedelta(days=1), None, SchemeStatus.NOT_YET_OPEN),
        (TODAY + datetime.timedelta(days=1), TODAY + datetime.timedelta(days=5), "upcoming"),
        (None, TODAY - datetime.timedelta(days=1), SchemeStatus.CLOSED),
        (None, TODAY, SchemeStatus.CLOSING_SOON),
        (None, TODAY + datetime.timedelta(days=30), SchemeStatus.CLOSING_SOON),
        (None, TODAY + datetime.timedelta(days=31), SchemeStatus.OPEN),
        (datetime.date(2019, 4, 1), datetime.date(2020, 3, 31), SchemeStatus.OPEN),
    ],
)
def test_status_at_the_edges(opens, closes, expected):
    assert status(opens, closes) == expected


def test_mic_dates_are_closed_after_31_march_2020():
    mic = {"opens": datetime.date(2019, 4, 1), "closes": datetime.date(2020, 3, 31)}
    assert status(**mic, today=datetime.date(2020, 3, 31)) == SchemeStatus.CLOSING_SOON
    assert status(**mic, today=datetime.date(2020, 4, 1)) == SchemeStatus.CLOSED


dates = st.one_of(st.none(), st.dates(datetime.date(2019, 1, 1), datetime.date(2020, 12, 31)))


@pytest.mark.django_db
@settings(max_examples=40, deadline=None)
@given(
    opens=dates, closes=dates, today=st.dates(datetime.date(2019, 1, 1), datetime.date(2021, 1, 1))
)
def test_database_filter_agrees_with_the_function(opens, closes, today):
    if opens and closes and closes < opens:
        closes = opens
    Scheme.objects.all().delete()
    scheme = make_scheme(opens_on=opens, closes_on=closes)
    expected = scheme_status(scheme, today=today)
    for candidate in SchemeStatus:
        found = Scheme.objects.with_status([candidate], today=today).exists()
        assert found == (candidate == expected), (candidate, expected)
