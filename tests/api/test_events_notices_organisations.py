"""/api/v1/events/, notices/ and organisations/: published items only, with their filters."""

import datetime

import pytest
from django.utils import timezone

from portal.models import Publishable
from tests.events.factories import hong_kong, make_event
from tests.notices.factories import make_notice
from tests.portal.factories import make_organisation

pytestmark = pytest.mark.django_db
DRAFT = Publishable.Status.DRAFT


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["items"]]


def test_events_by_hong_kong_days_and_organiser(client):
    tid = make_organisation(slug="tid")
    make_event(slug="before", starts_at=hong_kong(2030, 3, 13, 23, 0))
    make_event(slug="on", starts_at=hong_kong(2030, 3, 14, 0, 30), organisers=[tid])
    make_event(
        slug="spanning",
        starts_at=hong_kong(2030, 3, 10, 9, 0),
        ends_at=hong_kong(2030, 3, 16, 17, 0),
    )
    make_event(slug="draft", starts_at=hong_kong(2030, 3, 14, 9, 0), status=DRAFT)
    day = "date_from=2030-03-14&date_to=2030-03-14"
    assert slugs(client.get(f"/api/v1/events/?{day}")) == ["spanning", "on"]
    assert slugs(client.get(f"/api/v1/events/?{day}&organiser=tid")) == ["on"]
    assert slugs(client.get("/api/v1/events/?date_from=2030-03-15&date_to=2030-03-01")) == []
    assert slugs(client.get("/api/v1/events/?date_to=9999-12-31&date_from=0001-01-01"))


def test_an_event_in_three_languages_with_its_organisers(client):
    tid = make_organisation(slug="tid", name_zh_hant="工業貿易署")
    make_event(slug="fair", title_zh_hant="展覽會", organisers=[tid], fee_hkd="150.00")
    data = client.get("/api/v1/events/fair/").json()
    assert data["title"]["sc"] == "展览会"
    assert data["organisers"] == [
        {"slug": "tid", "name": {"en": tid.name_en, "tc": "工業貿易署", "sc": "工业贸易署"}}
    ]
    assert data["category"]["code"] == "seminar"
    assert client.get("/api/v1/events/nope/").status_code == 404


def test_notices_and_organisations_hide_what_is_not_live(client):
    make_notice(slug="privacy-policy")
    make_notice(slug="draft-notice", status=DRAFT)
    make_organisation(slug="tid")
    make_organisation(slug="old", publish_until=timezone.now() - datetime.timedelta(seconds=1))
    assert slugs(client.get("/api/v1/notices/")) == ["privacy-policy"]
    assert client.get("/api/v1/notices/draft-notice/").status_code == 404
    assert client.get("/api/v1/notices/privacy-policy/?lang=tc").json()["title"].keys() == {"tc"}
    assert slugs(client.get("/api/v1/organisations/")) == ["tid"]
    assert client.get("/api/v1/organisations/old/").status_code == 404
