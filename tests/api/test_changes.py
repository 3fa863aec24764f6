"""`updated_since`: a copy of our data learns of every publish, edit, unpublish and delete."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from portal.models import ContentRemoval, Publishable
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db
DRAFT, PUBLISHED = Publishable.Status.DRAFT, Publishable.Status.PUBLISHED
START = datetime.datetime(2030, 1, 1, 9, 0, tzinfo=datetime.UTC)


def changes(client, since: datetime.datetime) -> tuple[list[str], list[str]]:
    response = client.get("/api/v1/schemes/", {"updated_since": since.isoformat()})
    assert response.status_code == 200, response.content
    data = response.json()
    return [item["slug"] for item in data["items"]], [item["slug"] for item in data["removed"]]


def test_publish_edit_unpublish_and_delete_each_reach_a_copy(client):
    with time_machine.travel(START, tick=False) as clock:
        kept = make_scheme(slug="kept")
        draft = make_scheme(slug="draft", status=DRAFT)
        edited = make_scheme(slug="edited")
        unpublished = make_scheme(slug="unpublished")
        deleted = make_scheme(slug="deleted")
        clock.shift(60)
        since = timezone.now()
        clock.shift(60)
        draft.status = PUBLISHED
        draft.save()
        edited.name_en = "Edited"
        edited.save()
        unpublished.status = DRAFT
        unpublished.save()
        deleted.delete()
        clock.shift(60)
        items, removed = changes(client, since)
    assert sorted(items) == ["draft", "edited"]
    assert sorted(removed) == ["deleted", "unpublished"]
    assert kept.slug not in items


def test_drafts_that_were_never_live_leave_no_trace(client):
    with time_machine.travel(START, tick=False) as clock:
        since = timezone.now()
        clock.shift(60)
        secret = make_scheme(slug="secret-plan", status=DRAFT)
        secret.name_en = "Still secret"
        secret.save()
        secret.delete()
        items, removed = changes(client, since)
    assert (items, removed) == ([], [])
    assert not ContentRemoval.objects.exists()


def test_scheduled_windows_count_when_they_open_and_close(client):
    with time_machine.travel(START, tick=False) as clock:
        make_scheme(slug="opening", publish_from=START + datetime.timedelta(hours=1))
        make_scheme(slug="closing", publish_until=START + datetime.timedelta(hours=1))
        since = timezone.now()
        clock.shift(datetime.timedelta(hours=2))
        assert changes(client, since) == (["opening"], ["closing"])


def test_a_renamed_slug_is_removed_and_the_new_one_listed(client):
    with time_machine.travel(START, tick=False) as clock:
        scheme = make_scheme(slug="old-name")
        since = timezone.now()
        clock.shift(60)
        scheme.slug = "new-name"
        scheme.save()
        assert changes(client, since) == (["new-name"], ["old-name"])


def test_an_item_back_on_the_site_is_not_removed(client):
    with time_machine.travel(START, tick=False) as clock:
        scheme = make_scheme(slug="back")
        since = timezone.now()
        clock.shift(60)
        scheme.status = DRAFT
        scheme.save()
        scheme.status = PUBLISHED
        scheme.save()
        assert changes(client, since) == (["back"], [])


def test_removals_are_listed_only_on_the_first_page(client):
    with time_machine.travel(START, tick=False) as clock:
        for name in "abc":
            make_scheme(slug=name, name_en=name)
        gone = make_scheme(slug="gone")
        since = timezone.now()
        clock.shift(60)
        gone.delete()
        for name in "abc":
            make_scheme(slug=f"{name}2", name_en=f"{name}2")
        first = client.get("/api/v1/schemes/", {"updated_since": since.isoformat(), "page_size": 2})
        data = first.json()
        assert [item["slug"] for item in data["removed"]] == ["gone"]
        second = client.get(data["next"].removeprefix("http://127.0.0.1:8000")).json()
        assert "removed" not in second
