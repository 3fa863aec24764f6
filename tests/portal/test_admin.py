"""The organisation admin: what staff see and what a save records."""

import re

import pytest
from django.urls import reverse

from portal.models import Organisation
from portal.roles import EDITOR
from tests.portal.admin_forms import form_data
from tests.portal.factories import make_organisation, make_staff, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    sign_in(client, make_staff(superuser=True, username="maria"))
    return client


def change_url(organisation):
    return reverse("admin:portal_organisation_change", args=[organisation.pk])


def test_list_shows_status_live_state_and_who_changed_it(staff_client):
    make_organisation(name_en="Trade and Industry Department")
    response = staff_client.get(reverse("admin:portal_organisation_changelist"))
    html = response.content.decode()
    for column in ("column-status", "column-live_now", "column-updated_at", "column-updated_by"):
        assert column in html
    assert "Trade and Industry Department" in html


@pytest.mark.parametrize("query", ["Insurance", "保險"])
def test_search_covers_both_languages(staff_client, query):
    make_organisation(name_en="HKMC Insurance", name_zh_hant="香港按揭證券保險")
    make_organisation(name_en="Tourism Board", name_zh_hant="旅遊發展局")
    response = staff_client.get(reverse("admin:portal_organisation_changelist"), {"q": query})
    assert "HKMC Insurance" in response.content.decode()
    assert "Tourism Board" not in response.content.decode()


def test_live_filter_lists_only_items_published_now(staff_client):
    make_organisation(name_en="Live body")
    make_organisation(name_en="Draft body", status=Organisation.Status.DRAFT)
    response = staff_client.get(reverse("admin:portal_organisation_changelist"), {"live": "yes"})
    assert "Live body" in response.content.decode()
    assert "Draft body" not in response.content.decode()


def test_change_form_explains_languages_and_fallbacks(staff_client):
    response = staff_client.get(change_url(make_organisation()))
    html = response.content.decode()
    assert "Simplified Chinese is generated from the Traditional Chinese text" in html
    assert re.search(r'id="id_short_name_en_helptext">\s*<div>If empty, the Traditional', html)
    assert re.search(r'id="id_short_name_zh_hant_helptext">\s*<div>If empty, the English', html)


def test_english_and_traditional_names_are_required(staff_client):
    organisation = make_organisation()
    data = form_data(staff_client.get(change_url(organisation)))
    data.update(name_en="", name_zh_hant="")
    response = staff_client.post(change_url(organisation), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "name_en" in errors and "name_zh_hant" in errors


def test_saving_records_who_changed_it(staff_client):
    organisation = make_organisation()
    data = form_data(staff_client.get(change_url(organisation)))
    data["name_en"] = "Renamed body"
    response = staff_client.post(change_url(organisation), data)
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name_en == "Renamed body"
    assert organisation.updated_by.username == "maria"


def test_publish_until_must_be_after_publish_from(staff_client):
    organisation = make_organisation()
    data = form_data(staff_client.get(change_url(organisation)))
    data.update(
        publish_from_0="2019-09-27",
        publish_from_1="10:00",
        publish_until_0="2019-09-26",
        publish_until_1="10:00",
    )
    response = staff_client.post(change_url(organisation), data)
    assert response.status_code == 200
    [message] = response.context["adminform"].form.errors["publish_until"]
    assert "must be later than" in message


def test_change_form_links_previews_in_three_languages(staff_client):
    organisation = make_organisation(slug="hkmc", status=Organisation.Status.DRAFT)
    response = staff_client.get(change_url(organisation))
    html = response.content.decode()
    for prefix in ("en", "tc", "sc"):
        assert f'href="/{prefix}/organisations/hkmc/?preview=1"' in html


def test_admin_assets_are_all_served_by_us(staff_client):
    """No CDN: every script and stylesheet on the change form is a local path."""
    response = staff_client.get(change_url(make_organisation()))
    html = response.content.decode()
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources
    assert [src for src in sources if src.startswith(("http:", "https:", "//"))] == []
    assert "/static/portal/vendor/jquery-ui/jquery-ui-tabs.js" in sources
    assert "/static/django_prose_editor/editor.js" in sources


def test_rich_text_fields_get_the_editor(staff_client):
    response = staff_client.get(change_url(make_organisation()))
    assert 'id="id_description_en" data-django-prose-editor-configurable=' in (
        response.content.decode()
    )


def test_import_map_runs_under_a_per_response_nonce(staff_client):
    response = staff_client.get(change_url(make_organisation()))
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'<script type="importmap" nonce="{nonce}">' in response.content.decode()
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_every_admin_response_is_no_store(staff_client):
    for url in (
        reverse("admin:index"),
        reverse("admin:portal_organisation_changelist"),
        change_url(make_organisation()),
    ):
        assert "no-store" in staff_client.get(url)["Cache-Control"]


def test_login_page_is_no_store_too(client):
    assert "no-store" in client.get(reverse("admin:login"))["Cache-Control"]


def test_conversion_override_admin_lists_and_searches(client):
    from portal.models import ConversionOverride

    sign_in(client, make_staff(role=EDITOR))
    ConversionOverride.objects.create(traditional="赤鱲角", simplified="赤鱲角", note="Airport")
    ConversionOverride.objects.create(traditional="衞生", simplified="卫生")
    url = reverse("admin:portal_conversionoverride_changelist")
    response = client.get(url, {"q": "Airport"})
    assert response.status_code == 200
    assert "赤鱲角" in response.content.decode()
    assert "衞生" not in response.content.decode()
