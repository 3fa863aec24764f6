"""Everything in the Traditional Chinese admin is Chinese, libraries' screens included."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.roles import EDITOR
from staff.services import staff_language_set
from tests.portal.factories import make_staff, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def chinese_admin(client):
    user = make_staff(superuser=True)
    staff_language_set(user=user, language="zh-hant")
    sign_in(client, user)
    return client


def text_of(client, url) -> str:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    return soup.get_text(" ", strip=True)


def test_app_headings_and_the_admins_name_are_chinese(chinese_admin):
    text = text_of(chinese_admin, reverse("admin:index"))
    for english in ("Site", "Axes", "Weather", "Django"):
        assert not re.search(rf"\b{english}\b", text), english
    assert "網站" in text and "登入嘗試" in text and "中小企支援：職員專區" in text


def test_groups_and_permissions_are_named_in_chinese(chinese_admin):
    make_staff(role=EDITOR)
    groups = text_of(chinese_admin, reverse("admin:auth_group_changelist"))
    assert "內容編輯人員" in groups and "Content editor" not in groups
    editor_group = Group.objects.get(name=EDITOR)
    page = text_of(chinese_admin, reverse("admin:auth_group_change", args=[editor_group.pk]))
    assert "網站 | 機構 | 可新增機構" in page
    assert "Can add" not in page and "Can publish" not in page


def test_history_libraries_pages_are_chinese(chinese_admin):
    text = text_of(chinese_admin, reverse("admin:portal_organisation_recoverlist"))
    assert "復原已刪除的機構" in text and "沒有可復原的已刪除項目" in text
