"""Cached pages are never stale: every change of content shows on the next request, and
scheduled changes within a minute. Time is frozen and moved with time-machine."""

import datetime

import pytest
import reversion
from django.contrib.auth.models import User
from django.core import serializers
from django.core.management import call_command
from reversion.models import Version

from portal.models import ConversionOverride
from schemes.models import Scheme
from tests.events.factories import hong_kong, make_event
from tests.portal.factories import make_organisation
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db
NOW = hong_kong(2030, 3, 1, 12, 0)
A_MINUTE = datetime.timedelta(seconds=61)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)
    return time_machine


def shown(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_saved_change_shows_on_the_next_request(client, frozen):
    scheme = make_scheme(slug="grant", name_en="Old name")
    assert "Old name" in shown(client, "/en/schemes/grant/")
    scheme.name_en = "New name"
    scheme.save()
    assert "New name" in shown(client, "/en/schemes/grant/")


def test_a_deleted_item_leaves_the_list_at_once(client, frozen):
    scheme = make_scheme(name_en="Going away")
    assert "Going away" in shown(client, "/en/schemes/")
    scheme.delete()
    assert "Going away" not in shown(client, "/en/schemes/")


def test_a_changed_relation_shows_at_once(client, frozen):
    event = make_event(slug="fair", organisers=[make_organisation(name_en="First body")])
    assert "First body" in shown(client, "/en/events/fair/")
    event.organisers.set([make_organisation(name_en="Second body")])
    assert "Second body" in shown(client, "/en/events/fair/")


def test_loaddata_raw_saves_show_at_once(client, frozen, tmp_path):
    scheme = make_scheme(slug="grant", name_en="Before the load")
    assert "Before the load" in shown(client, "/en/schemes/grant/")
    scheme.name_en = "From the fixture"
    fixture = tmp_path / "scheme.json"
    fixture.write_text(serializers.serialize("json", [scheme]))
    call_command("loaddata", str(fixture), verbosity=0)
    assert "From the fixture" in shown(client, "/en/schemes/grant/")


def test_a_restore_from_history_shows_at_once(client, frozen):
    with reversion.create_revision():
        scheme = make_scheme(slug="grant", name_en="First version")
    with reversion.create_revision():
        scheme.name_en = "Second version"
        scheme.save()
    assert "Second version" in shown(client, "/en/schemes/grant/")
    Version.objects.get_for_object(scheme).last().revert()
    assert "First version" in shown(client, "/en/schemes/grant/")


def test_a_conversion_override_shows_on_simplified_pages_at_once(client, frozen):
    make_scheme(slug="grant", name_zh_hant="赤鱲角計劃")
    assert "赤鱲角" not in shown(client, "/sc/schemes/grant/")
    ConversionOverride.objects.create(traditional="赤鱲角", simplified="赤鱲角")
    assert "赤鱲角" in shown(client, "/sc/schemes/grant/")


def test_a_queryset_update_shows_within_a_minute(client, frozen):
    make_scheme(slug="grant", name_en="Before")
    shown(client, "/en/schemes/grant/")
    Scheme.objects.filter(slug="grant").update(name_en="After")  # no signal is sent
    frozen.shift(A_MINUTE)
    assert "After" in shown(client, "/en/schemes/grant/")


def test_publish_from_passing_shows_the_item_within_a_minute(client, frozen):
    make_scheme(name_en="Scheduled", publish_from=NOW + datetime.timedelta(seconds=30))
    assert "Scheduled" not in shown(client, "/en/schemes/")
    frozen.shift(A_MINUTE)
    assert "Scheduled" in shown(client, "/en/schemes/")


def test_publish_until_passing_hides_the_item_within_a_minute(client, frozen):
    make_scheme(slug="grant", publish_until=NOW + datetime.timedelta(seconds=30))
    shown(client, "/en/schemes/grant/")
    frozen.shift(A_MINUTE)
    assert client.get("/en/schemes/grant/").status_code == 404


def test_an_ended_event_leaves_the_upcoming_list_within_a_minute(client, frozen):
    make_event(
        title_en="Last day",
        starts_at=hong_kong(2030, 3, 1, 9, 0),
        ends_at=hong_kong(2030, 3, 1, 17, 0),
        organisers=[make_organisation()],
    )
    assert "Last day" in shown(client, "/en/events/")
    frozen.move_to(hong_kong(2030, 3, 2, 0, 0, 30), tick=False)
    assert "Last day" in shown(client, "/en/events/past/")
    assert "Last day" not in shown(client, "/en/events/")


def test_a_scheme_closes_at_hong_kong_midnight_within_a_minute(client, frozen):
    frozen.move_to(hong_kong(2030, 3, 1, 23, 59, 50), tick=False)
    make_scheme(slug="grant", closes_on=datetime.date(2030, 3, 1))
    assert "Closing soon" in shown(client, "/en/schemes/grant/")
    frozen.shift(A_MINUTE)
    assert "Closed on" in shown(client, "/en/schemes/grant/")


def test_pages_stay_cached_while_nothing_changes(client, frozen):
    make_scheme(slug="grant")
    client.get("/en/schemes/grant/")
    frozen.shift(datetime.timedelta(seconds=59))
    assert client.get("/en/schemes/grant/")["X-Page-Cache"] == "hit"


def test_saving_a_user_keeps_the_cache(client, frozen):
    make_scheme(slug="grant")
    client.get("/en/schemes/grant/")
    User.objects.create_user("someone")
    assert client.get("/en/schemes/grant/")["X-Page-Cache"] == "hit"


def test_what_pages_remember_between_requests_follows_changes_and_the_clock(client, frozen):
    body = make_organisation(name_en="First body")
    make_scheme(name_en="Open now", closes_on=datetime.date(2030, 3, 20), organisation=body)
    assert "Open now" in shown(client, "/en/")
    assert "First body" in shown(client, "/en/schemes/")
    make_scheme(name_en="Also open", closes_on=datetime.date(2030, 3, 21))
    body.name_en = "Renamed body"
    body.save()
    assert "Also open" in shown(client, "/en/")
    assert "Renamed body" in shown(client, "/en/schemes/")
    make_event(
        title_en="Soon", starts_at=NOW + datetime.timedelta(hours=1), publish_from=NOW + A_MINUTE
    )
    assert "Soon" not in shown(client, "/en/")
    frozen.shift(A_MINUTE * 2)
    assert "Soon" in shown(client, "/en/")


@pytest.mark.parametrize("url", ["/en/", "/en/organisations/body/", "/en/schemes/"])
def test_a_scheduled_change_shows_within_a_minute_through_every_layer(client, frozen, url):
    """A page stored late in a minute from what the process remembered at its start (results,
    fragments) must not outlive the minute: the layers do not add up."""
    make_scheme(
        name_en="Until half past",
        organisation=make_organisation(slug="body"),
        publish_until=NOW + datetime.timedelta(seconds=30),
    )
    assert "Until half past" in shown(client, f"{url}?rendered=1")  # remembered at 12:00:00
    frozen.shift(datetime.timedelta(seconds=59))
    assert "Until half past" in shown(client, url)  # a page stored at 12:00:59
    frozen.shift(datetime.timedelta(seconds=30))  # 59 seconds after it was unpublished
    assert "Until half past" not in shown(client, url)
