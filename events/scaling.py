"""Generated events for `manage.py seed_grow`: copies of the seed's, spread over ten years
(eight past, this one and the next), organised by one or two organisations."""

import datetime

from django.utils import timezone

from portal.models import Organisation
from portal.scaling import Growth, copies_create, numbered, row_copy, seed_rows

from .models import Event, hong_kong_midnight

YEARS_BEFORE = 8
YEARS = 10


def events_grow(growth: Growth) -> int:
    seed = seed_rows(Event.objects.all())
    with_days = [event for event in seed if event.has_exact_day] or seed
    start = Event.objects.count()
    wanted = growth.wanted("event", start)
    chosen = growth.random("events")
    organisations = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    first = datetime.date(timezone.localdate().year - YEARS_BEFORE, 1, 1)
    days = (first.replace(year=first.year + YEARS) - first).days
    pairs = []
    for offset in range(wanted):
        number = start + offset + 1
        template = with_days[offset % len(with_days)]
        day = first + datetime.timedelta(days=offset * days // max(wanted, 1))
        starts_at = hong_kong_midnight(day) + datetime.timedelta(hours=chosen.choice((10, 14, 19)))
        titles = {"title_en": template.title_en, "title_zh_hant": template.title_zh_hant}
        copy = row_copy(
            template,
            slug=f"{template.slug}-x{number}",
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=chosen.choice((2, 3))),
            all_day=False,
            date_precision=Event.Precision.DAY,
            registration_deadline=(
                starts_at - datetime.timedelta(days=3) if template.registration_url else None
            ),
            **numbered(titles, number),
        )
        pairs.append((copy, template))
    copies = copies_create(growth, pairs)
    through = Event.organisers.through
    organisers = [
        through(event_id=event.pk, organisation_id=organisation)
        for event in copies
        for organisation in chosen.sample(
            organisations, k=min(len(organisations), 1 + event.pk % 2)
        )
    ]
    through.objects.bulk_create(organisers)
    return len(copies)
