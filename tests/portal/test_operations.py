import logging

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import ConnectionHandler
from django.test import override_settings

from portal import views

# The home page and the scheme finder list content from the database.
pytestmark = pytest.mark.django_db


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_when_database_and_cache_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"ready": True, "status": "ok", "failing": []}


@pytest.fixture
def unreachable_database(monkeypatch):
    """Give readyz a real connection to a database that cannot be reached.

    The test database's own connection stays untouched.
    """
    unreachable = dict(connections[DEFAULT_DB_ALIAS].settings_dict)
    if unreachable["ENGINE"].endswith("sqlite3"):
        unreachable["NAME"] = "/nonexistent/directory/db.sqlite3"
    else:
        unreachable.update(HOST="127.0.0.1", PORT="1")
    handler = ConnectionHandler({DEFAULT_DB_ALIAS: unreachable})
    monkeypatch.setattr(views, "connections", handler)
    yield
    handler.close_all()


def test_readyz_is_503_when_the_database_is_unreachable(client, unreachable_database):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"ready": False, "status": "unavailable", "failing": ["database"]}


@pytest.mark.django_db
def test_readyz_is_degraded_but_ready_when_the_cache_is_unreachable(client):
    unreachable = {
        **settings.CACHES,
        "default": {
            "BACKEND": "portal.cache.FailOpenRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    with override_settings(CACHES=unreachable):
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"ready": True, "status": "degraded", "failing": ["cache"]}


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


@pytest.mark.django_db
def test_sitemap_lists_every_language_with_bcp47_alternates(client):
    body = client.get("/sitemap-sections.xml").content.decode()
    for prefix in ("en", "tc", "sc"):
        assert f"<loc>http://testserver/{prefix}/schemes/</loc>" in body
    assert 'hreflang="zh-Hant-HK" href="http://testserver/tc/schemes/"' in body
    assert 'hreflang="zh-Hans" href="http://testserver/sc/schemes/"' in body
    assert 'hreflang="x-default"' in body
    assert 'hreflang="zh-hant"' not in body


def test_one_log_line_per_request_without_query_or_address(client, caplog):
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        client.get("/en/schemes/?q=secret", REMOTE_ADDR="203.0.113.9")
    lines = [r.getMessage() for r in caplog.records if r.name == "portal.requests"]
    assert len(lines) == 1
    method, path, status, duration = lines[0].split(" ")
    assert (method, path, status) == ("GET", "/en/schemes/", "200")
    assert duration.endswith("ms")
    assert "secret" not in lines[0] and "203.0.113.9" not in lines[0]


def test_log_line_escapes_control_characters(client, caplog):
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        client.get("/en/%0Afake%20line/")
    (line,) = [r.getMessage() for r in caplog.records if r.name == "portal.requests"]
    assert "\n" not in line
