"""Every page type makes as many queries with 50 items as with one, in every language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import PREFIXES
from tests.portal.pages import PAGES, add_more, one_of_each

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]


def queries_for(client, url: str) -> int:
    client.get(url)  # per-process state (the Simplified converter) is built once
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("page", PAGES)
def test_query_count_is_the_same_for_one_item_and_fifty(client, page):
    items = one_of_each()
    one = {prefix: queries_for(client, f"/{prefix}/{page}") for prefix in PREFIXES}
    add_more(49, *items)
    fifty = {prefix: queries_for(client, f"/{prefix}/{page}") for prefix in PREFIXES}
    assert fifty == one
