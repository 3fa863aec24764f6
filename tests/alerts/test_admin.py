"""Staff side: what saving in the content admin records, and what staff see of subscribers."""

import datetime

import pytest
from django.contrib.auth.models import Permission

from alerts.models import Change
from events.models import Event
from portal.models import Publishable
from portal.roles import EDITOR, PUBLISHER
from tests.alerts.factories import make_alert
from tests.events.factories import make_event
from tests.portal.admin_forms import form_data
from tests.portal.factories import make_staff, sign_in
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher(client):
    return sign_in(client, make_staff(role=PUBLISHER))


def save_in_admin(client, item, **changes):
    url = f"/admin/{item._meta.app_label}/{item._meta.model_name}/{item.pk}/change/"
    data = {**form_data(client.get(url)), **changes}
    if not data.get("organisers"):
        data.pop("organisers", None)  # an empty multiple select posts nothing
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_publishing_in_the_admin_records_one_change(client, publisher):
    scheme = make_scheme(status=Publishable.Status.DRAFT)
    save_in_admin(client, scheme, status="published")
    save_in_admin(client, scheme)  # saved again, unchanged: nothing new to tell
    [change] = Change.objects.all()
    assert (change.kind, change.object_id, change.reason) == ("schemes", scheme.pk, "published")


def test_significant_change_with_summary_is_recorded(client, publisher):
    scheme = make_scheme()
    save_in_admin(
        client,
        scheme,
        significant_change="on",
        change_summary_en="Application period extended to 30 June",
        change_summary_zh_hant="申請期延長至6月30日",
    )
    [change] = Change.objects.all()
    assert change.reason == "changed"
    assert change.summary_zh_hant == "申請期延長至6月30日"


def test_an_ordinary_edit_records_nothing(client, publisher):
    save_in_admin(client, make_scheme(), name_en="Renamed")
    assert not Change.objects.exists()


def test_cancelling_an_event_is_recorded(client, publisher):
    event = make_event(starts_at=datetime.datetime(2099, 5, 1, tzinfo=datetime.UTC))
    save_in_admin(client, event, event_status=Event.EventStatus.CANCELLED)
    assert list(Change.objects.values_list("reason", flat=True)) == ["cancelled"]


def test_the_publish_action_records_changes(client, publisher):
    scheme = make_scheme(status=Publishable.Status.DRAFT)
    client.post(
        "/admin/schemes/scheme/", {"action": "publish_selected", "_selected_action": [scheme.pk]}
    )
    assert list(Change.objects.values_list("reason", flat=True)) == ["published"]


def test_staff_see_counts_but_not_addresses(client):
    sign_in(client, make_staff(role=EDITOR))
    make_alert(email="secret@example.com")
    make_alert(email="secret@example.com", kind="events", frequency="weekly")
    make_alert(email="other@example.com", confirmed=False)
    response = client.get("/admin/alerts/alert/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Confirmed subscribers per kind of alert" in html
    assert '<th scope="row">Funding schemes</th><td>1</td>' in html
    assert "secret@example.com" not in html
    assert client.get("/admin/alerts/subscriber/").status_code == 403


def test_staff_with_the_permission_see_addresses(client):
    user = make_staff(role=EDITOR)
    user.user_permissions.add(Permission.objects.get(codename="view_subscriber_address"))
    sign_in(client, user)
    make_alert(email="secret@example.com")
    assert "secret@example.com" in client.get("/admin/alerts/alert/").content.decode()


def test_staff_preview_the_next_e_mail_in_every_language(client):
    sign_in(client, make_staff(role=EDITOR))
    scheme = make_scheme(name_en="Export Fund", name_zh_hant="出口基金")
    change = Change.objects.create(
        kind="schemes", content_type_id=_scheme_type(), object_id=scheme.pk, reason="published"
    )
    html = client.get(f"/admin/alerts/change/{change.pk}/preview/").content.decode()
    assert "New: Export Fund" in html
    assert "新增：出口基金" in html


def _scheme_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get(app_label="schemes", model="scheme").pk


def test_only_publishers_can_send_a_significant_change(client):
    sign_in(client, make_staff(role=EDITOR))
    scheme = make_scheme()
    url = f"/admin/schemes/scheme/{scheme.pk}/change/"
    assert 'name="significant_change"' not in client.get(url).content.decode()
    save_in_admin(client, scheme, significant_change="on", change_summary_en="Sent by an editor")
    assert not Change.objects.exists()


def test_a_second_cancellation_of_one_event_sends_nothing(client, publisher):
    event = make_event(starts_at=datetime.datetime(2099, 5, 1, tzinfo=datetime.UTC))
    for status in ("cancelled", "scheduled", "cancelled"):
        save_in_admin(client, event, event_status=status)
    assert list(Change.objects.values_list("reason", flat=True)) == ["cancelled"]


def test_the_changes_list_names_each_item_and_the_reason_in_words(client, publisher):
    scheme = make_scheme(name_en="Export Fund", status=Publishable.Status.DRAFT)
    save_in_admin(client, scheme, status="published")
    html = client.get("/admin/alerts/change/").content.decode()
    assert "Export Fund" in html
    assert "Newly published" in html and "Funding schemes" in html
    assert f"schemes {scheme.pk}" not in html
