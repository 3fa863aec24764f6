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
