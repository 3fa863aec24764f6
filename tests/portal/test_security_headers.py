import pytest

# The home page and the scheme finder list content from the database.
pytestmark = pytest.mark.django_db

URLS = [
    ("/en/", 200),
    ("/sc/schemes/", 200),
    ("/tc/no-such-page/", 404),
    ("/", 302),
    ("/healthz", 200),
    ("/sitemap.xml", 200),
    ("/robots.txt", 200),
]


@pytest.mark.parametrize(("url", "status"), URLS)
def test_security_headers_on_every_response_type(client, url, status):
    response = client.get(url)
    assert response.status_code == status
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
