"""Finding 7: methods a page does not take, CSRF failures, lockouts and bad Host headers."""

import logging

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db

HEADINGS = {
    "en": "This page cannot take that request",
    "tc": "本頁不能處理這個要求",
    "sc": "本页不能处理这个要求",
}


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
@pytest.mark.parametrize("prefix", ["en", "tc", "sc"])
def test_writing_to_a_public_page_is_405_in_its_language(client, method, prefix):
    scheme = make_scheme()
    response = getattr(client, method)(f"/{prefix}/schemes/{scheme.slug}/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == HEADINGS[prefix]
    assert soup.find(style=True) is None and soup.find("style") is None


@pytest.mark.parametrize(
    "path",
    [
        "/healthz",
        "/readyz",
        "/sitemap.xml",
        "/robots.txt",
        "/en/",
        "/en/schemes/feed/",
        "/tc/events/feed.atom",
        "/sc/events/feed.ics",
        "/admin/login/",
    ],
)
def test_trace_is_405_everywhere(client, path):
    response = client.generic("TRACE", path)
    assert response.status_code == 405
    assert "TRACE" not in response["Allow"]


@pytest.mark.parametrize("path", ["/healthz", "/en/events/feed.atom", "/sitemap.xml"])
def test_post_to_read_only_endpoints_is_405(client, path):
    assert client.post(path).status_code == 405


@pytest.mark.parametrize(("prefix", "heading"), [("en", "Sorry, your form could not be sent")])
def test_csrf_failure_is_our_page(prefix, heading):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == heading
    assert soup.find(style=True) is None and soup.find("style") is None


def test_lockout_page_says_when_to_retry(client, settings):
    from tests.portal.factories import make_staff

    make_staff(username="locked")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(reverse("admin:login"), {"username": "locked", "password": "wrong"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) == int(settings.AXES_COOLOFF_TIME.total_seconds())


def test_bad_host_is_logged_once_briefly_without_traceback(client, caplog):
    host = "evil.example\r\n" + "x" * 500
    with caplog.at_level(logging.INFO):
        response = client.get("/en/", HTTP_HOST=host)
    assert response.status_code == 400
    [record] = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert record.levelno == logging.WARNING
    assert record.exc_info is None and record.exc_text is None
    message = record.getMessage()
    assert len(message) < 160
    assert "\r" not in message and "\n" not in message
    assert "evil.example" in message
