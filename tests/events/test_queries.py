"""Every events page makes the same number of queries for two events as for twenty."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.factories import hong_kong, make_event
from tests.portal.factories import make_organisation

pytestmark = pytest.mark.django_db

PAGES = [
    "/en/events/",
    "/en/events/?category=seminar&organiser=busy",
    "/en/events/2030/03/",
    "/en/events/past/",
    "/tc/events/past/?page=last",
    "/en/events/feed.ics",
    "/en/events/feed.atom",
    "/en/organisations/busy/",
    "/en/",
]


def make_events(number, organisers):
    for day in range(1, number + 1):
        make_event(starts_at=hong_kong(2030, 3, day, 10), organisers=organisers)
        make_event(
            starts_at=hong_kong(2000 + day, 1, 1),
            all_day=True,
            date_precision="year",
            organisers=organisers,
        )


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("url", PAGES)
def test_query_count_does_not_grow_with_events(client, url):
    organisers = [make_organisation(slug="busy"), make_organisation()]
    make_events(2, organisers)
    few = queries_for(client, url)
    make_events(20, organisers)
    assert queries_for(client, url) == few


@pytest.mark.usefixtures("uncached_pages")
def test_detail_query_count_does_not_grow_with_organisers(client, django_assert_num_queries):
    few = make_event(slug="few", organisers=[make_organisation()])
    many = make_event(slug="many", organisers=[make_organisation() for _ in range(10)])
    counts = [queries_for(client, event.get_absolute_url()) for event in (few, many)]
    assert counts[0] == counts[1]
    with django_assert_num_queries(counts[0]):
        client.get(many.get_absolute_url())
