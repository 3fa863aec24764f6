"""The site's icons: /favicon.ico and the home-screen icon at the root, the SVG with the rest."""

import pytest
from bs4 import BeautifulSoup

from portal.management.commands.make_icons import ICO_SIZES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "content_type", "magic"),
    [
        ("/favicon.ico", "image/", b"\x00\x00\x01\x00"),
        ("/apple-touch-icon.png", "image/png", b"\x89PNG"),
        ("/static/icons/icon.svg", "image/svg+xml", b"<svg"),
    ],
)
def test_icons_are_served_by_whitenoise(client, path, content_type, magic):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert b"".join(response.streaming_content).startswith(magic)


def test_favicon_holds_a_png_for_each_size(client):
    ico = b"".join(client.get("/favicon.ico").streaming_content)
    count = int.from_bytes(ico[4:6], "little")
    assert [ico[6 + 16 * n] for n in range(count)] == list(ICO_SIZES)


@pytest.mark.parametrize("path", ["/en/", "/tc/schemes/", "/sc/events/", "/en/no-such-page/"])
def test_every_page_links_its_icons(client, path):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    icons = {link["href"] for link in soup.select("link[rel~=icon], link[rel=apple-touch-icon]")}
    assert icons == {"/favicon.ico", "/static/icons/icon.svg", "/apple-touch-icon.png"}
