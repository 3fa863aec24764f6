"""Staff preview drafts on the public pages; the public never sees them."""

import pytest
from django.contrib.auth.models import Permission

from events.models import Event
from notices.models import Notice
from portal.models import Organisation
from portal.roles import EDITOR
from schemes.models import Scheme
from tests.events.factories import make_event
from tests.notices.factories import make_notice
from tests.portal.factories import make_organisation, make_staff, sign_in
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db
PREFIXES = ("en", "tc", "sc")


@pytest.fixture
def draft():
    return make_organisation(
        slug="draft-body", name_en="Draft body", status=Organisation.Status.DRAFT
    )


@pytest.mark.parametrize("prefix", PREFIXES)
def test_staff_preview_a_draft_with_a_banner(client, get_page, draft, prefix):
    sign_in(client, make_staff(role=EDITOR))
    response, soup = get_page(f"/{prefix}/organisations/draft-body/?preview=1")
    banner = soup.find(class_="preview-banner")
    assert banner is not None
    expected_name = {"en": "Draft body", "tc": "機構", "sc": "机构"}[prefix]
    assert soup.find("h1").get_text(strip=True).startswith(expected_name)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_banner_says_not_published_in_english(client, get_page, draft):
    sign_in(client, make_staff(role=EDITOR))
    _, soup = get_page("/en/organisations/draft-body/?preview=1")
    assert "Preview – not published" in soup.find(class_="preview-banner").get_text()


def test_the_public_never_sees_a_draft(client, draft):
    assert client.get("/en/organisations/draft-body/?preview=1").status_code == 404
    assert client.get("/en/organisations/draft-body/").status_code == 404


def test_staff_without_permission_get_a_404(client, draft):
    sign_in(client, make_staff())
    assert client.get("/en/organisations/draft-body/?preview=1").status_code == 404


def test_view_permission_is_enough_to_preview(client, draft):
    user = make_staff()
    user.user_permissions.add(Permission.objects.get(codename="view_organisation"))
    sign_in(client, user)
    assert client.get("/tc/organisations/draft-body/?preview=1").status_code == 200


def test_staff_without_preview_parameter_see_the_public_page(client, draft):
    sign_in(client, make_staff(role=EDITOR))
    assert client.get("/en/organisations/draft-body/").status_code == 404


def test_published_page_has_no_banner_and_normal_caching(client, get_page):
    make_organisation(slug="live-body")
    response, soup = get_page("/en/organisations/live-body/")
    assert soup.find(class_="preview-banner") is None
    assert "X-Robots-Tag" not in response


def _draft_scheme():
    scheme = make_scheme(slug="draft-scheme")
    Scheme.objects.filter(pk=scheme.pk).update(status=Scheme.Status.DRAFT)
    return "schemes/draft-scheme/"


def _draft_event():
    make_event(slug="draft-event", status=Event.Status.DRAFT)
    return "events/draft-event/"


def _draft_notice():
    make_notice(slug="draft-notice", status=Notice.Status.DRAFT)
    return "notices/draft-notice/"


@pytest.mark.parametrize("make_draft", [_draft_scheme, _draft_event, _draft_notice])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_content_type_can_be_previewed_by_staff_only(client, make_draft, prefix):
    path = f"/{prefix}/{make_draft()}"
    assert client.get(f"{path}?preview=1").status_code == 404
    sign_in(client, make_staff(role=EDITOR))
    assert client.get(path).status_code == 404
    response = client.get(f"{path}?preview=1")
    assert response.status_code == 200
    assert "preview-banner" in response.content.decode()
