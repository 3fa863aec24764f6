import datetime
from itertools import count

from events.models import HONG_KONG, Event
from portal.models import Publishable

_numbers = count(1)


def hong_kong(*args) -> datetime.datetime:
    """An aware datetime in Hong Kong time: hong_kong(2030, 3, 14, 23, 30)."""
    return datetime.datetime(*args, tzinfo=HONG_KONG)


def make_event(*, organisers=(), **fields) -> Event:
    number = next(_numbers)
    defaults = {
        "slug": f"event-{number}",
        "title_en": f"Event {number}",
        "title_zh_hant": f"活動{number}",
        "starts_at": hong_kong(2030, 3, 14, 10, 0),
        "category": Event.Category.SEMINAR,
        "status": Publishable.Status.PUBLISHED,
    }
    event = Event.objects.create(**{**defaults, **fields})
    event.organisers.set(organisers)
    return event
