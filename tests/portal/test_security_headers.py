import pytest

pytestmark = pytest.mark.django_db  # pages read content, /sc/ pages their overrides

URLS = [
    ("/en/", 200),
    ("/sc/schemes/", 200),
    ("/tc/notices/", 200),
    ("/tc/no-such-page/", 404),
    ("/", 302),
    ("/en/notices/important-notices/", 301),
    ("/healthz", 200),
    ("/sitemap.xml", 200),
    ("/robots.txt", 200),
]


def assert_security_headers(response):
    """The headers every response carries; the linking clause of the Important Notices
    promises that no page can be loaded into a frame on another site."""
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    csp = dict(
        (part.strip().split(" ", 1) + [""])[:2]
        for part in response["Content-Security-Policy"].split(";")
    )
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert csp["base-uri"] == "'none'"
    assert csp["form-action"] == "'self'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.parametrize(("url", "status"), URLS)
def test_security_headers_on_every_response_type(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert_security_headers(response)
