"""Every URL pattern and every query parameter, in every language, with hostile input and odd
methods: never a server error. `make fuzz` runs a longer campaign against gunicorn."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.events.factories import make_event
from tests.hardening.urls import QUERY_PARAMETERS, fill, query_string, url_templates
from tests.notices.factories import make_notice
from tests.portal.factories import make_organisation
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db

TEMPLATES = [t for t in url_templates() if not t.startswith("/admin/")]
METHODS = ["GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]
HOSTILE = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(categories=("Cs", "Cc", "Co", "Cf")), max_size=10),
    st.sampled_from(
        [
            "\x00",
            "abc\x00def",
            "\x1b",
            "\x85",
            "請問中小企業市場推廣基金" * 42,
            "A 123456(3)",
            "\ud800",
            "%00",
            "../../etc/passwd",
            "<script>",
            "'\"",
            "1" * 5000,
            "-1",
            "9" * 30,
            "2030",
            "03",
            "1",
            "fund",
            "seminar",
            "grant",
            "open",
            "deadline",
        ]
    ),  # fmt: skip
)


@pytest.fixture
def content():
    organisation = make_organisation(slug="org")
    make_scheme(slug="fund", organisation=organisation)
    make_event(slug="talk")
    make_notice(slug="privacy-policy")
    return {"slug": ["fund", "talk", "privacy-policy", "org"]}


def test_every_pattern_is_enumerated():
    assert "/{lang}/schemes/{slug}/" in TEMPLATES
    assert "/{lang}/events/{year}/{month}/" in TEMPLATES
    assert {"/healthz", "/readyz", "/sitemap.xml"} <= set(TEMPLATES)
    assert {"q", "type", "sort", "category", "organiser", "page", "preview"} <= set(
        QUERY_PARAMETERS
    )


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_request_is_a_server_error(client, content, data):
    template = data.draw(st.sampled_from(TEMPLATES), label="template")
    values = {
        "lang": data.draw(st.sampled_from(["en", "tc", "sc"])),
        "slug": data.draw(st.one_of(st.sampled_from(content["slug"]), HOSTILE)),
        "year": data.draw(st.one_of(st.just("2030"), HOSTILE)),
        "month": data.draw(st.one_of(st.just("03"), HOSTILE)),
    }
    pairs = data.draw(
        st.lists(st.tuples(st.sampled_from(QUERY_PARAMETERS), HOSTILE), max_size=6),
        label="query",
    )
    if data.draw(st.booleans()) and pairs:
        pairs = pairs * 200  # repeated parameters
    method = data.draw(st.sampled_from(METHODS))
    path = fill(template, values)
    query = query_string(pairs)
    response = client.generic(method, f"{path}?{query}" if query else path)
    assert response.status_code < 500, (method, path, query[:200])
