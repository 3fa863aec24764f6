import pytest

from portal.models import Publishable
from tests.portal.factories import make_organisation

pytestmark = pytest.mark.django_db


def test_organisation_page_in_each_language(get_page):
    make_organisation(
        slug="tid",
        name_en="Trade and Industry Department",
        name_zh_hant="工業貿易署",
        short_name_en="TID",
        short_name_zh_hant="工貿署",
        phone="2398 5133",
    )
    _, soup = get_page("/en/organisations/tid/")
    assert soup.h1.get_text(" ", strip=True) == "Trade and Industry Department (TID)"
    assert soup.find("a", href="tel:23985133")
    _, soup = get_page("/tc/organisations/tid/")
    assert soup.h1.get_text(" ", strip=True) == "工業貿易署 (工貿署)"


def test_fallback_text_is_marked_with_its_language(get_page):
    make_organisation(slug="hkmci", name_en="HKMC Insurance Limited", name_zh_hant="")
    _, soup = get_page("/tc/organisations/hkmci/")
    assert soup.h1["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "HKMC Insurance Limited"
    _, soup = get_page("/en/organisations/hkmci/")
    assert not soup.h1.has_attr("lang")


def test_simplified_pages_read_the_traditional_columns(get_page):
    make_organisation(slug="hktb", name_en="Hong Kong Tourism Board", name_zh_hant="香港旅遊發展局")
    _, soup = get_page("/sc/organisations/hktb/")
    assert "香港旅" in soup.h1.get_text()
    assert not soup.h1.has_attr("lang")


def test_draft_and_unknown_organisations_are_404(client):
    make_organisation(slug="draft", status=Publishable.Status.DRAFT)
    assert client.get("/en/organisations/draft/").status_code == 404
    assert client.get("/en/organisations/nobody/").status_code == 404
