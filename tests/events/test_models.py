import pytest
from django.core.exceptions import ValidationError

from events.models import Event
from portal.models import Publishable
from tests.events.factories import hong_kong, make_event

pytestmark = pytest.mark.django_db


def test_upcoming_keeps_todays_events_until_the_hong_kong_day_ends():
    morning = make_event(starts_at=hong_kong(2030, 3, 14, 9, 0))
    now = hong_kong(2030, 3, 14, 23, 59)
    assert list(Event.objects.upcoming(now)) == [morning]
    assert list(Event.objects.past(hong_kong(2030, 3, 15, 0, 0))) == [morning]


def test_multi_day_event_is_upcoming_until_its_last_day():
    fair = make_event(starts_at=hong_kong(2030, 3, 1, 10), ends_at=hong_kong(2030, 3, 5, 18))
    assert list(Event.objects.upcoming(hong_kong(2030, 3, 5, 12))) == [fair]
    assert list(Event.objects.upcoming(hong_kong(2030, 3, 6, 0))) == []


def test_upcoming_is_soonest_first_and_past_is_newest_first():
    later = make_event(starts_at=hong_kong(2030, 5, 1, 10))
    sooner = make_event(starts_at=hong_kong(2030, 4, 1, 10))
    old = make_event(starts_at=hong_kong(2005, 1, 1))
    older = make_event(starts_at=hong_kong(2002, 1, 1))
    now = hong_kong(2030, 3, 1)
    assert list(Event.objects.upcoming(now)) == [sooner, later]
    assert list(Event.objects.past(now)) == [old, older]


def test_in_month_uses_hong_kong_days():
    late_night = make_event(starts_at=hong_kong(2030, 3, 31, 23, 30))  # 15:30 UTC
    next_month = make_event(starts_at=hong_kong(2030, 4, 1, 0, 30))  # still 31 March in UTC
    assert list(Event.objects.in_month(2030, 3)) == [late_night]
    assert list(Event.objects.in_month(2030, 4)) == [next_month]


def test_in_month_includes_events_that_began_the_month_before():
    spanning = make_event(starts_at=hong_kong(2030, 2, 27, 10), ends_at=hong_kong(2030, 3, 2, 17))
    assert list(Event.objects.in_month(2030, 3)) == [spanning]
    assert list(Event.objects.in_month(2030, 12)) == []


def test_in_month_handles_december():
    new_year_eve = make_event(starts_at=hong_kong(2030, 12, 31, 23, 30))
    assert list(Event.objects.in_month(2030, 12)) == [new_year_eve]


def test_published_hides_drafts_from_upcoming():
    make_event(status=Publishable.Status.DRAFT)
    now = hong_kong(2030, 3, 1)
    assert list(Event.objects.published(now).upcoming(now)) == []


def test_event_cannot_end_before_it_starts():
    event = Event(
        slug="backwards",
        title_en="Backwards",
        title_zh_hant="倒轉",
        starts_at=hong_kong(2030, 3, 14, 10),
        ends_at=hong_kong(2030, 3, 13, 10),
        category=Event.Category.OTHER,
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "ends_at" in error.value.message_dict


def test_year_only_event_must_be_all_day():
    event = Event(
        slug="year-only",
        title_en="Year only",
        title_zh_hant="只知年份",
        starts_at=hong_kong(2005, 1, 1),
        date_precision=Event.Precision.YEAR,
        category=Event.Category.OTHER,
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "all_day" in error.value.message_dict


@pytest.mark.parametrize("slug", ["past", "feed"])
def test_slugs_of_calendar_pages_are_reserved(slug):
    event = Event(
        slug=slug,
        title_en="Clash",
        title_zh_hant="衝突",
        starts_at=hong_kong(2030, 3, 14, 10),
        category=Event.Category.OTHER,
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "slug" in error.value.message_dict
