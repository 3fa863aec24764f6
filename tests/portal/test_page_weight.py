"""Every page type, with its stylesheets, stays under 60 KB before compression."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from tests.conftest import PREFIXES
from tests.portal.pages import PAGES, add_more, one_of_each
from tests.schemes.factories import add_section

pytestmark = pytest.mark.django_db
LIMIT = 60 * 1024


@pytest.fixture
def content():
    items = one_of_each()
    add_more(20, *items)
    for number in range(8):
        add_section(items[1], anchor=f"long-{number}", body_en="<p>Text.</p>" * 20)


def stylesheet_bytes(html: bytes) -> int:
    soup = BeautifulSoup(html, "html.parser")
    total = 0
    for link in soup.select('link[rel="stylesheet"]'):
        path = finders.find(link["href"].split("/static/", 1)[1])
        with open(path, "rb") as stylesheet:
            total += len(stylesheet.read())
    return total


@pytest.mark.usefixtures("content")
@pytest.mark.parametrize("prefix", PREFIXES)
def test_html_and_css_of_every_page_type_is_under_60_kb(client, prefix):
    for page in PAGES:
        response = client.get(f"/{prefix}/{page}")
        assert response.status_code == 200, page
        html = response["Content-Type"].startswith("text/html")  # not the feeds
        weight = len(response.content) + (stylesheet_bytes(response.content) if html else 0)
        assert weight < LIMIT, (page, weight)
