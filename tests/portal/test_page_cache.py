"""The page cache: what it answers, what it never keeps, and the HTTP caching headers."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from portal.pagecache.middleware import PageCacheMiddleware
from tests.conftest import PREFIXES
from tests.portal.factories import make_staff, sign_in
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db


def cache_state(response) -> str | None:
    return response.get("X-Page-Cache")


@pytest.mark.parametrize("prefix", PREFIXES)
def test_second_anonymous_request_is_served_from_the_cache(client, prefix):
    make_scheme(slug="grant", name_zh_hant="發展計劃")
    first = client.get(f"/{prefix}/schemes/grant/")
    second = client.get(f"/{prefix}/schemes/grant/")
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert second.content == first.content


def test_simplified_page_is_cached_after_conversion(client):
    make_scheme(slug="grant", name_zh_hant="發展計劃")
    client.get("/sc/schemes/grant/")
    cached = client.get("/sc/schemes/grant/")
    assert cache_state(cached) == "hit"
    assert "发展计划" in cached.content.decode()


def test_query_string_order_does_not_make_a_second_copy(client):
    make_scheme()
    client.get("/en/schemes/?type=grant&q=scheme")
    assert cache_state(client.get("/en/schemes/?q=scheme&type=grant")) == "hit"


def test_parameters_a_page_does_not_read_are_rendered_and_not_stored(client):
    make_scheme()
    for _ in range(2):
        response = client.get("/en/schemes/?utm_source=newsletter")
        assert response.status_code == 200
        assert cache_state(response) is None


def test_not_found_and_bad_request_are_not_stored(client):
    # Made-up paths must not fill the shared cache (hardening, finding 3).
    client.get("/en/schemes/no-such-scheme/")
    missing = client.get("/en/schemes/no-such-scheme/")
    assert missing.status_code == 404
    assert cache_state(missing) is None
    client.get("/en/events/?category=nonsense")
    bad = client.get("/en/events/?category=nonsense")
    assert bad.status_code == 400
    assert cache_state(bad) is None


def test_signed_in_staff_get_fresh_pages_no_one_stores(client):
    make_scheme(slug="grant")
    client.get("/en/schemes/grant/")
    sign_in(client, make_staff())
    response = client.get("/en/schemes/grant/")
    assert cache_state(response) is None
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_previews_and_posts_are_never_cached(client):
    make_scheme(slug="grant")
    for _ in range(2):
        assert cache_state(client.get("/en/schemes/grant/?preview=1")) is None
        assert cache_state(client.post("/en/schemes/grant/")) is None


def test_admin_is_never_cached(client):
    sign_in(client, make_staff(superuser=True))
    client.get("/admin/")
    assert cache_state(client.get("/admin/")) is None


def request_for(path="/en/"):
    request = RequestFactory().get(path)
    request.urlconf = None
    return request


def test_responses_that_set_cookies_or_say_private_are_not_stored():
    def setting_cookie(request):
        response = HttpResponse("page")
        response.set_cookie("tracking", "1")
        return response

    def private(request):
        response = HttpResponse("page")
        response["Cache-Control"] = "private"
        return response

    for view in (setting_cookie, private):
        middleware = PageCacheMiddleware(view)
        middleware(request_for())
        assert cache_state(middleware(request_for())) is None


def test_pages_over_the_size_limit_are_not_stored(settings):
    settings.PAGE_CACHE_MAX_BYTES = 1000
    middleware = PageCacheMiddleware(lambda request: HttpResponse("x" * 1001))
    middleware(request_for())
    assert cache_state(middleware(request_for())) is None


def page_then_outage(time_machine, seconds_between: int):
    """A page stored, then the site answering 503 that many seconds later."""
    time_machine.move_to("2030-03-01 12:00 +0800", tick=False)
    answers = [HttpResponse("the page"), HttpResponse("down", status=503)]
    middleware = PageCacheMiddleware(lambda request: answers.pop(0))
    middleware(request_for())
    time_machine.shift(seconds_between)
    return middleware(request_for())


def test_a_stale_copy_stands_in_while_the_site_answers_503(settings, time_machine):
    response = page_then_outage(time_machine, settings.PAGE_CACHE_FRESH_SECONDS + 60)
    assert (response.status_code, response.content) == (200, b"the page")
    assert cache_state(response) == "stale"


def test_no_stale_copy_after_the_stale_lifetime(settings, time_machine):
    response = page_then_outage(time_machine, settings.PAGE_CACHE_STALE_SECONDS + 1)
    assert response.status_code == 503


def test_a_missing_generation_is_started_again(client):
    make_scheme(slug="grant")
    cache.clear()
    client.get("/en/schemes/grant/")
    assert cache_state(client.get("/en/schemes/grant/")) == "hit"


@pytest.mark.parametrize("cached", [False, True])
def test_anonymous_pages_carry_an_etag_and_answer_304(client, cached):
    make_scheme(slug="grant")
    first = client.get("/en/schemes/grant/")
    if cached:
        first = client.get("/en/schemes/grant/")
        assert cache_state(first) == "hit"
    assert first.has_header("ETag")
    again = client.get("/en/schemes/grant/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


def test_anonymous_pages_let_a_cdn_keep_them_briefly_and_browsers_revalidate(client, settings):
    settings.CDN_MAX_AGE = 45
    response = client.get("/en/")
    controls = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "must-revalidate", "s-maxage=45"} <= controls


@pytest.mark.parametrize("cookie", ["made-up", "x" * 32, "abcdefgh12345678abcdefgh12345678"])
def test_a_made_up_session_cookie_gets_the_cached_page(client, cookie):
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    client.cookies["sessionid"] = cookie
    assert client.get("/en/")["X-Page-Cache"] == "hit"


def test_a_signed_out_staff_session_cookie_gets_the_cached_page_too(client):
    sign_in(client, make_staff())
    client.logout()
    client.cookies["sessionid"] = "stale-session-key-from-yesterday"
    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
