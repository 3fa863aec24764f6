import time

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache, caches
from django.utils import translation
from hypothesis import settings as hypothesis_settings

# Speed is measured by `make bench`, not by tests: Hypothesis's per-example deadline fails on
# a busy shared machine, so property tests have none.
hypothesis_settings.register_profile("portal", deadline=None)
hypothesis_settings.load_profile("portal")

PREFIXES = ("en", "tc", "sc")


@pytest.fixture
def get_page(client):
    """GET a page and parse it, asserting the status first."""

    def get(url, status=200, **headers):
        response = client.get(url, headers=headers)
        assert response.status_code == status, url
        return response, BeautifulSoup(response.content, "html.parser")

    return get


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, signed in with a verified second factor as staff are."""
    from tests.portal.factories import sign_in

    sign_in(client, admin_user)
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """The database is rolled back after each test; cached pages and fragments go with it."""
    cache.clear()
    caches["fragments"].clear()


@pytest.fixture(autouse=True)
def default_language():
    """A request activates its page's language for the thread, as in a worker, where the next
    request activates its own; a test that fetched a /tc/ page must not leave the next test
    in Chinese."""
    yield
    translation.deactivate()


@pytest.fixture
def whole_fresh_window(settings, time_machine):
    """Start the test at the beginning of a page-cache window (the clock still ticks): a stored
    page is served only within the window it was made in, so two requests that straddle the
    turn of a minute on a slow machine would otherwise see a miss where a test expects a hit."""
    lifetime = settings.PAGE_CACHE_FRESH_SECONDS
    if lifetime > 0:
        now = time.time()
        time_machine.move_to(now - now % lifetime + 0.001, tick=True)


@pytest.fixture
def uncached_pages(settings):
    """Every request renders its page: for tests that count the work of rendering."""
    settings.PAGE_CACHE_FRESH_SECONDS = 0
