"""The open data API makes as many queries for many schemes as for one, rendered cold."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.schemes.factories import add_contact, add_rule, add_section, make_question, make_scheme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]


def queries_for(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


def make_full_scheme(question, **fields):
    scheme = make_scheme(**fields)
    add_section(scheme, anchor="part")
    add_contact(scheme, "phone", "21234567")
    add_rule(scheme, question, passing=("yes",), failing=("no",))
    add_rule(scheme, None)
    return scheme


@pytest.mark.parametrize("url", ["/api/v1/schemes/", "/api/v1/schemes/first/"])
def test_scheme_api_query_count_does_not_grow_with_schemes(client, url):
    question = make_question("registered", "yes", "no")
    make_full_scheme(question, slug="first")
    one = queries_for(client, url)
    for _ in range(20):
        make_full_scheme(question)
    assert queries_for(client, url) == one
