import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from schemes.models import Scheme
from tests.portal.factories import make_organisation, sign_in
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    sign_in(client, user)
    return client


def inline_management(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_admin_lists_and_edits_schemes(staff_client):
    scheme = make_scheme()
    assert staff_client.get("/admin/schemes/scheme/").status_code == 200
    assert staff_client.get(f"/admin/schemes/scheme/{scheme.pk}/change/").status_code == 200


def test_saving_in_the_admin_rebuilds_the_search_text_from_the_sections(staff_client):
    organisation = make_organisation()
    data = {
        "slug": "new-fund",
        "abbreviation": "NF",
        "name_en": "New Fund",
        "name_zh_hant": "新基金",
        "summary_en": "Money.",
        "summary_zh_hant": "資金。",
        "organisation": organisation.pk,
        "support_type": "grant",
        "applicant": "smes",
        "information_as_at": "2019-09-27",
        "last_reviewed": "2019-09-27",
        "status": "published",
        **inline_management("sections", total=1),
        "sections-0-order": "1",
        "sections-0-anchor": "objective",
        "sections-0-heading_en": "Objective",
        "sections-0-heading_zh_hant": "目的",
        "sections-0-body_en": "<p>Helps <strong>exporters</strong>.</p>",
        "sections-0-body_zh_hant": "<p>協助出口商。</p>",
        **inline_management("contacts"),
        **inline_management("eligibility_rules"),
    }
    response = staff_client.post("/admin/schemes/scheme/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    scheme = Scheme.objects.get(slug="new-fund")
    assert "helps exporters" in scheme.search_en
    assert "协助出口商" in scheme.search_zh  # stored as Simplified search keys


def test_reindex_rebuilds_every_scheme_and_counts_them():
    scheme = make_scheme(name_en="Export Fund")
    Scheme.objects.filter(pk=scheme.pk).update(search_en="")
    assert apps.get_app_config("schemes").reindex_search() == 1
    assert "export fund" in Scheme.objects.get(pk=scheme.pk).search_en
