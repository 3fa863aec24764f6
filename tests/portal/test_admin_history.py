"""History: every admin save is a version, with a readable diff and a way back."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from reversion.models import Version

from portal.roles import EDITOR, PUBLISHER
from tests.portal.admin_forms import form_data
from tests.portal.factories import make_organisation, make_staff, sign_in

pytestmark = pytest.mark.django_db


def change_url(organisation):
    return reverse("admin:portal_organisation_change", args=[organisation.pk])


def save(client, organisation, **changes):
    data = {**form_data(client.get(change_url(organisation))), **changes}
    response = client.post(change_url(organisation), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


@pytest.fixture
def publisher(client):
    sign_in(client, make_staff(role=PUBLISHER, username="chan"))
    return client


def test_each_save_keeps_a_version_with_who_and_when(publisher):
    organisation = make_organisation(name_en="Old name")
    save(publisher, organisation, name_en="New name")
    save(publisher, organisation, address_en="1 Harbour Road")
    versions = Version.objects.get_for_object(organisation)
    assert versions.count() == 2
    assert {v.revision.user.username for v in versions} == {"chan"}
    history = publisher.get(reverse("admin:portal_organisation_history", args=[organisation.pk]))
    assert "Show changes" in history.content.decode()


def test_diff_page_marks_removed_and_added_words(publisher):
    organisation = make_organisation(name_en="Trade Department", name_zh_hant="工業署")
    save(publisher, organisation, name_en="Trade Department")
    save(
        publisher, organisation, name_en="Trade and Industry Department", name_zh_hant="工業貿易署"
    )
    latest = Version.objects.get_for_object(organisation).first()
    url = reverse("admin:portal_organisation_version_changes", args=[organisation.pk, latest.pk])
    soup = BeautifulSoup(publisher.get(url).content, "html.parser")
    table = soup.find("table", class_="version-diff")
    assert table.caption.get_text(strip=True) == "Fields changed in this version"
    rows = {row.th.get_text(strip=True): row for row in table.tbody.find_all("tr")}
    assert set(rows) == {"Name (English)", "Name (Traditional Chinese)"}
    english, chinese = rows["Name (English)"], rows["Name (Traditional Chinese)"]
    assert [ins.get_text() for ins in english.find_all("ins")] == ["added: and Industry "]
    assert [ins.get_text() for ins in chinese.find_all("ins")] == ["added: 貿易"]
    assert all(th.get("scope") for th in table.find_all("th"))


def test_restoring_an_older_version(publisher):
    organisation = make_organisation(name_en="First")
    save(publisher, organisation, name_en="Second")
    save(publisher, organisation, name_en="Third")
    oldest = Version.objects.get_for_object(organisation).last()
    url = reverse("admin:portal_organisation_revision", args=[organisation.pk, oldest.pk])
    restore_form = publisher.get(url)
    assert restore_form.status_code == 200
    response = publisher.post(url, form_data(restore_form))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name_en == "Second"


def test_editor_cannot_restore_a_different_publishing_state(client, publisher):
    organisation = make_organisation(status="draft")
    save(publisher, organisation, status="draft")
    save(publisher, organisation, status="published")
    draft_version = Version.objects.get_for_object(organisation).last()
    publisher.logout()
    sign_in(client, make_staff(role=EDITOR))
    url = reverse("admin:portal_organisation_revision", args=[organisation.pk, draft_version.pk])
    client.post(url, form_data(client.get(url)))
    organisation.refresh_from_db()
    assert organisation.status == "published"


def test_diff_page_needs_permission(client, publisher):
    organisation = make_organisation()
    save(publisher, organisation)
    version = Version.objects.get_for_object(organisation).first()
    url = reverse("admin:portal_organisation_version_changes", args=[organisation.pk, version.pk])
    publisher.logout()
    sign_in(client, make_staff())
    assert client.get(url).status_code == 403
