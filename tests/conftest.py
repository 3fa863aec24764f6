import pytest
from bs4 import BeautifulSoup

PREFIXES = ("en", "tc", "sc")


@pytest.fixture
def get_page(client):
    """GET a page and parse it, asserting the status first."""

    def get(url, status=200, **headers):
        response = client.get(url, headers=headers)
        assert response.status_code == status, url
        return response, BeautifulSoup(response.content, "html.parser")

    return get


@pytest.fixture(autouse=True)
def pages_may_read_the_database(request):
    """Most pages list content (the home page shows upcoming events), so every test may read
    the (empty) test database unless it sets up its own access with a django_db mark."""
    if request.node.get_closest_marker("django_db") is None:
        request.getfixturevalue("db")
