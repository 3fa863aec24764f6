"""The calendar inside the rest of the site: Chinese pages, sitemap, admin."""

import pytest
from bs4 import BeautifulSoup

from events.models import Event
from tests.events.factories import hong_kong, make_event
from tests.portal.factories import make_organisation
from tests.text import english_phrases

pytestmark = pytest.mark.django_db


@pytest.fixture
def chinese_events():
    tid = make_organisation(slug="tid", name_zh_hant="工業貿易署")
    make_event(
        slug="export",
        title_zh_hant="出口研討會",
        starts_at=hong_kong(2030, 3, 14, 14, 30),
        venue_name_zh_hant="中央圖書館",
        is_free=True,
        registration_url="https://example.org/register",
        organisers=[tid],
    )
    make_event(
        slug="called-off",
        title_zh_hant="已取消的展覽會",
        starts_at=hong_kong(2030, 3, 20),
        all_day=True,
        event_status=Event.EventStatus.CANCELLED,
        organisers=[tid],
    )
    make_event(
        slug="summit",
        title_zh_hant="領袖高峰會議",
        starts_at=hong_kong(2005, 1, 1),
        all_day=True,
        date_precision="year",
        organisers=[tid],
    )


@pytest.mark.parametrize(
    "path",
    [
        "events/",
        "events/?category=nonsense",
        "events/2030/03/",
        "events/past/",
        "events/export/",
        "events/called-off/",
        "events/summit/",
        "organisations/tid/",
        "",
    ],
)
def test_traditional_event_pages_have_no_untranslated_strings(client, chinese_events, path):
    response = client.get(f"/tc/{path}")
    assert response.status_code in (200, 400)
    assert english_phrases(BeautifulSoup(response.content, "html.parser")) == []


def test_sitemap_lists_events_in_every_language(client):
    make_event(slug="export")
    make_event(slug="draft", status="draft")
    content = client.get("/sitemap-events.xml").content.decode()
    for prefix in ("en", "tc", "sc"):
        assert f"http://testserver/{prefix}/events/export/" in content
        assert f"http://testserver/{prefix}/events/past/" in content
    assert "/events/draft/" not in content


def test_staff_can_add_events_in_both_languages(admin_client):
    response = admin_client.get("/admin/events/event/add/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="title_en"' in content
    assert 'name="title_zh_hant"' in content
