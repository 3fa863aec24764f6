"""Finding 3: what visitors can make the site store in Redis is bounded."""

import pytest
import redis as redis_client

from portal.i18n import simplified
from portal.i18n.simplified import local_pages
from tests.hardening.servers import private_redis
from tests.hardening.test_cache_outage import redis_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis():
    with private_redis() as server, redis_settings(server.url):
        local_pages.clear()
        yield redis_client.Redis.from_url(server.url)
        local_pages.clear()


def entries(redis, kind):
    """The keys of one kind of entry: converted pages (`sc-page`) or whole pages (`pagecache`)."""
    return [key for key in redis.scan_iter() if f":{kind}:".encode() in key]


def test_query_strings_do_not_create_shared_entries(client, redis):
    assert client.get("/sc/schemes/").status_code == 200
    stored = redis.dbsize()
    assert len(entries(redis, "sc-page")) == 1
    assert len(entries(redis, "pagecache")) == 2  # the page, and the content generation
    for number in range(30):
        assert client.get(f"/sc/schemes/?anything={number}").status_code == 200
    assert redis.dbsize() == stored


def test_pages_not_found_do_not_create_shared_entries(client, redis):
    for number in range(20):
        assert client.get(f"/sc/no-such-page-{number}/").status_code == 404
    assert entries(redis, "sc-page") == []
    assert len(entries(redis, "pagecache")) <= 1  # at most the content generation


def test_shared_entries_expire_within_an_hour(client, redis):
    client.get("/sc/notices/")
    [key] = entries(redis, "sc-page")
    assert 0 < redis.ttl(key) <= 60 * 60


def test_page_variants_with_a_query_string_expire_within_a_minute(client, redis, settings):
    assert client.get("/en/schemes/?q=export").status_code == 200
    [page] = [key for key in entries(redis, "pagecache") if b"generation" not in key]
    assert 0 < redis.ttl(page) <= settings.PAGE_CACHE_FRESH_SECONDS


def test_oversized_pages_are_not_stored(client, redis, monkeypatch, settings):
    monkeypatch.setattr(simplified, "MAX_CACHED_PAGE_CHARS", 100)
    settings.PAGE_CACHE_MAX_BYTES = 100
    assert client.get("/sc/notices/").status_code == 200
    assert entries(redis, "sc-page") == []
    assert [key for key in entries(redis, "pagecache") if b"generation" not in key] == []
    assert not local_pages.items
