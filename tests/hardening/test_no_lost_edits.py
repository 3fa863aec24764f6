"""Finding 5: a save that does not say which version it opened is refused like a stale one."""

import pytest
from django.urls import reverse

from portal.roles import PUBLISHER
from tests.portal.admin_forms import form_data
from tests.portal.factories import make_organisation, make_staff, sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("opened", [None, ""])
def test_save_without_opened_version_is_refused_and_keeps_the_text(client, opened):
    sign_in(client, make_staff(role=PUBLISHER))
    organisation = make_organisation(name_en="Original")
    url = reverse("admin:portal_organisation_change", args=[organisation.pk])
    data = {**form_data(client.get(url)), "name_en": "Typed by me"}
    if opened is None:
        del data["opened_version"]
    else:
        data["opened_version"] = opened

    response = client.post(url, data)

    assert response.status_code == 200
    body = response.content.decode()
    assert "did not say which version you opened" in body
    assert "Typed by me" in body
    organisation.refresh_from_db()
    assert organisation.name_en == "Original"
    # The refusal carries the current version, so saving again goes through.
    assert client.post(url, form_data(response)).status_code == 302
    organisation.refresh_from_db()
    assert organisation.name_en == "Typed by me"


def test_garbled_opened_version_is_refused_not_an_error(client):
    sign_in(client, make_staff(role=PUBLISHER))
    organisation = make_organisation(name_en="Original")
    url = reverse("admin:portal_organisation_change", args=[organisation.pk])
    data = {**form_data(client.get(url)), "opened_version": "not-a-date", "name_en": "Mine"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
