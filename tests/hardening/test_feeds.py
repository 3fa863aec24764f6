"""Finding 4: Atom feeds send plain-text summaries as text, never as HTML."""

import xml.etree.ElementTree as ET  # noqa: S405 (our own feed, parsed in a test)

import pytest

from tests.events.factories import make_event
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
PAYLOAD = '"><img src=x onerror=alert(1)>'


def summaries(body: bytes):
    root = ET.fromstring(body)  # noqa: S314
    return [(s.get("type"), s.text) for s in root.iter(f"{ATOM}summary")]


@pytest.mark.parametrize("prefix", ["en", "tc", "sc"])
@pytest.mark.parametrize(
    ("make", "feed"), [(make_event, "events/feed.atom"), (make_scheme, "schemes/feed/")]
)
def test_feed_summary_is_text(client, prefix, make, feed):
    make(summary_en=PAYLOAD, summary_zh_hant=PAYLOAD)
    response = client.get(f"/{prefix}/{feed}")
    assert response.status_code == 200
    assert summaries(response.content) == [("text", PAYLOAD)]
