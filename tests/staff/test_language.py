"""The admin in each staff member's own language: English or Traditional Chinese."""

import pytest
from django.urls import reverse

from portal.roles import PUBLISHER
from staff.models import StaffProfile
from tests.portal.factories import make_organisation, make_staff, sign_in

pytestmark = pytest.mark.django_db


def switch_to(client, language, next_url="/admin/"):
    return client.post(reverse("staff:language"), {"language": language, "next": next_url})


def test_admin_is_english_until_a_staff_member_chooses(client):
    sign_in(client, make_staff(role=PUBLISHER))
    page = client.get(reverse("admin:index")).content.decode()
    assert '<html lang="en"' in page
    assert 'lang="zh-Hant-HK">繁體中文</button>' in page


def test_switching_keeps_the_choice_on_the_account_and_returns_to_the_page(client):
    user = sign_in(client, make_staff(role=PUBLISHER))
    organisation = make_organisation()
    change_url = reverse("admin:portal_organisation_change", args=[organisation.pk])
    assert switch_to(client, "zh-hant", change_url)["Location"] == change_url
    assert StaffProfile.objects.get(user=user).language == "zh-hant"

    page = client.get(change_url).content.decode()
    assert '<html lang="zh-hant"' in page
    assert "儲存" in page  # Django's own admin strings
    assert 'lang="en">English</button>' in page
    history = client.get(reverse("admin:portal_organisation_history", args=[organisation.pk]))
    assert "每次儲存的修改都會保留" in history.content.decode()

    # Another browser, the same account: still Chinese.
    client.logout()
    sign_in(client, user)
    assert '<html lang="zh-hant"' in client.get(reverse("admin:index")).content.decode()


def test_the_switch_never_sends_staff_off_the_site(client):
    sign_in(client, make_staff())
    assert switch_to(client, "en", "https://example.com/")["Location"] == reverse("admin:index")


def test_the_public_site_keeps_its_own_language(client):
    sign_in(client, make_staff())
    switch_to(client, "zh-hant")
    assert '<html lang="en' in client.get("/en/").content.decode()


def test_editor_strings_come_in_the_admin_language(client):
    sign_in(client, make_staff())
    switch_to(client, "zh-hant")
    catalogue = client.get(reverse("editor-strings")).content.decode()
    assert '"bold": "\\u7c97\\u9ad4"' in catalogue or '"bold": "粗體"' in catalogue
    assert "Insert Table" in catalogue


def test_the_sign_in_page_follows_the_last_choice_in_this_browser(client):
    sign_in(client, make_staff())
    cookie = switch_to(client, "zh-hant").cookies["admin_language"]
    assert (cookie.value, cookie["path"], cookie["httponly"]) == ("zh-hant", "/admin/", True)
    client.logout()  # the test client forgets every cookie here; a browser keeps this one
    client.cookies["admin_language"] = cookie.value
    page = client.get(reverse("admin:login")).content.decode()
    assert '<html lang="zh-hant"' in page
    assert "用戶名稱" in page or "使用者名稱" in page


def test_the_language_can_be_chosen_before_signing_in(client):
    page = client.get(reverse("admin:login")).content.decode()
    assert 'lang="zh-Hant-HK">繁體中文</button>' in page
    response = switch_to(client, "zh-hant", reverse("admin:login"))
    assert response["Location"] == reverse("admin:login")
    assert '<html lang="zh-hant"' in client.get(reverse("admin:login")).content.decode()
