import datetime

import pytest

from events import selectors
from events.models import Event
from tests.events.factories import hong_kong, make_event

pytestmark = pytest.mark.django_db


def days_with_events(calendar):
    return {
        cell.day: [event.slug for event in cell.events]
        for week in calendar.weeks
        for cell in week
        if cell.events
    }


def test_late_evening_event_sits_on_its_hong_kong_day():
    make_event(slug="late", starts_at=hong_kong(2030, 3, 14, 23, 30))
    calendar = selectors.month_calendar(
        year=2030, month=3, events=Event.objects.all(), today=datetime.date(2030, 3, 1)
    )
    assert days_with_events(calendar) == {datetime.date(2030, 3, 14): ["late"]}


def test_weeks_start_on_sunday_and_mark_today():
    calendar = selectors.month_calendar(
        year=2030, month=3, events=[], today=datetime.date(2030, 3, 14)
    )
    assert calendar.weekdays[0].weekday() == 6
    today = [cell for week in calendar.weeks for cell in week if cell.is_today]
    assert [cell.day for cell in today] == [datetime.date(2030, 3, 14)]


def test_event_over_several_days_appears_on_each_day_of_the_month():
    make_event(slug="fair", starts_at=hong_kong(2030, 2, 27, 10), ends_at=hong_kong(2030, 3, 2, 18))
    calendar = selectors.month_calendar(
        year=2030, month=3, events=Event.objects.all(), today=datetime.date(2030, 3, 1)
    )
    assert days_with_events(calendar) == {
        datetime.date(2030, 3, 1): ["fair"],
        datetime.date(2030, 3, 2): ["fair"],
    }


def test_events_without_an_exact_day_stay_off_the_grid_but_in_the_list():
    make_event(
        slug="sometime",
        starts_at=hong_kong(2030, 3, 1),
        all_day=True,
        date_precision=Event.Precision.MONTH,
    )
    calendar = selectors.month_calendar(
        year=2030, month=3, events=Event.objects.all(), today=datetime.date(2030, 3, 1)
    )
    assert days_with_events(calendar) == {}
    assert [event.slug for event in calendar.events] == ["sometime"]


def test_previous_and_next_months_stop_at_the_shown_years():
    first = selectors.month_calendar(
        year=selectors.MIN_YEAR, month=1, events=[], today=datetime.date(2030, 3, 1)
    )
    last = selectors.month_calendar(
        year=selectors.MAX_YEAR, month=12, events=[], today=datetime.date(2030, 3, 1)
    )
    assert first.previous is None
    assert first.next == datetime.date(selectors.MIN_YEAR, 2, 1)
    assert last.next is None
    assert last.previous == datetime.date(selectors.MAX_YEAR, 11, 1)


def test_events_by_month_groups_on_the_hong_kong_start_month():
    make_event(slug="a", starts_at=hong_kong(2030, 3, 31, 23, 30))
    make_event(slug="b", starts_at=hong_kong(2030, 4, 1, 0, 30))
    groups = selectors.events_by_month(Event.objects.order_by("starts_at"))
    assert [(group.period, [e.slug for e in group.events]) for group in groups] == [
        (datetime.date(2030, 3, 1), ["a"]),
        (datetime.date(2030, 4, 1), ["b"]),
    ]


def test_registration_closes_after_its_deadline():
    event = make_event(
        registration_url="https://example.org/register",
        registration_deadline=hong_kong(2030, 3, 10, 18),
    )
    assert selectors.registration_is_open(event=event, now=hong_kong(2030, 3, 10, 17))
    assert not selectors.registration_is_open(event=event, now=hong_kong(2030, 3, 10, 19))
