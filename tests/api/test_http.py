"""What HTTP clients and caches get: ETags naming the content generation, 304s, the pages'
Cache-Control, CORS for GET, read-only methods and a per-address limit."""

import pytest
from django.db import OperationalError

from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db


def test_an_unchanged_list_answers_304_and_a_change_shows_at_once(client):
    scheme = make_scheme(slug="one")
    first = client.get("/api/v1/schemes/")
    etag = first["ETag"]
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate, s-maxage=30"
    again = client.get("/api/v1/schemes/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    scheme.name_en = "Renamed"
    scheme.save()
    changed = client.get("/api/v1/schemes/", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["items"][0]["name"]["en"] == "Renamed"


def test_the_etag_names_the_content_generation(client):
    from portal.pagecache.generation import current_generation, pages_changed

    make_scheme(slug="one")
    assert client.get("/api/v1/schemes/one/")["ETag"].startswith(f'"{current_generation()[:8]}-')
    pages_changed()  # any content change: the same body gets a new ETag
    assert client.get("/api/v1/schemes/one/")["ETag"].startswith(f'"{current_generation()[:8]}-')


def test_answers_are_kept_by_the_page_cache_per_declared_variant(client):
    make_scheme(slug="one")
    assert client.get("/api/v1/schemes/?lang=tc")["X-Page-Cache"] == "miss"
    assert client.get("/api/v1/schemes/?lang=tc")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/api/v1/schemes/?made_up=1")


def test_any_site_may_read_it_from_a_browser(client):
    make_scheme(slug="one")
    response = client.get("/api/v1/schemes/", headers={"Origin": "https://example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "etag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/schemes/",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"]
    page = client.get("/en/", headers={"Origin": "https://example.org"})
    assert "Access-Control-Allow-Origin" not in page  # the pages are not shared


def test_it_is_read_only(client):
    assert client.head("/api/v1/schemes/").status_code == 200
    options = client.options("/api/v1/schemes/")
    assert (options.status_code, options["Allow"]) == (204, "GET, HEAD, OPTIONS")
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/v1/schemes/")
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert response["Content-Type"].startswith("application/problem+json")


def test_too_many_requests_from_one_address_get_429_with_retry_after(client, settings):
    settings.API_REQUESTS_PER_MINUTE = 3
    statuses = [client.get("/api/v1/notices/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v1/notices/")
    assert limited["Content-Type"].startswith("application/problem+json")
    assert 1 <= int(limited["Retry-After"]) <= 61
    assert "no-store" in limited["Cache-Control"]
    other = client.get("/api/v1/notices/", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
    assert client.get("/en/notices/").status_code == 200  # pages are not limited


@pytest.mark.parametrize(
    ("error", "status"), [(OperationalError("database is down"), 503), (RuntimeError("bug"), 500)]
)
def test_failures_are_problems_too(client, monkeypatch, error, status):
    def fail(parameters):
        raise error

    monkeypatch.setattr("schemes.api.scheme_matches", fail)
    client.raise_request_exception = False
    response = client.get("/api/v1/schemes/")
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["status"] == status
    assert "no-store" in response["Cache-Control"]
