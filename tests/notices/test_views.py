import pytest
from django.utils import translation

from notices.models import Notice
from portal.errors import server_error
from portal.models import Publishable
from tests.notices.factories import make_notice
from tests.portal.test_security_headers import assert_security_headers

pytestmark = pytest.mark.django_db


def test_index_shows_the_main_statement_and_links_to_the_others(get_page):
    make_notice(slug="important-notices", title_en="Important Notices", order=0)
    make_notice(slug="security-statement", title_en="Security Statement", order=2)
    make_notice(slug="privacy-policy", title_en="Privacy Policy", order=1)
    _, soup = get_page("/en/notices/")
    assert soup.h1.get_text() == "Important Notices"
    links = [(a.get_text(), a["href"]) for a in soup.select(".notice-index a")]
    assert links == [
        ("Privacy Policy", "/en/notices/privacy-policy/"),
        ("Security Statement", "/en/notices/security-statement/"),
    ]


def test_index_works_before_any_notice_is_published(get_page):
    make_notice(slug="important-notices", status=Publishable.Status.DRAFT)
    _, soup = get_page("/tc/notices/")
    assert soup.h1.get_text() == "重要告示"
    assert not soup.select(".notice-index")


def test_detail_page_shows_its_revision_date_on_the_page_and_in_the_footer(get_page):
    make_notice(slug="browsers", title_en="Browsers", body_en="<p>Use any browser.</p>")
    _, soup = get_page("/en/notices/browsers/")
    assert soup.h1.get_text() == "Browsers"
    assert "Use any browser." in soup.main.get_text()
    assert soup.main.find("time", datetime="2024-05-02").get_text() == "2 May 2024"
    assert soup.footer.find("time", datetime="2024-05-02")
    _, soup = get_page("/tc/notices/browsers/")
    assert soup.main.find("time", datetime="2024-05-02").get_text() == "2024年5月2日"


def test_index_shows_the_main_statements_revision_date(get_page):
    make_notice(slug="important-notices")
    _, soup = get_page("/en/notices/")
    assert soup.main.find("time", datetime="2024-05-02")
    assert soup.footer.find("time", datetime="2024-05-02")


def test_main_statement_has_one_address(client):
    make_notice(slug="important-notices")
    response = client.get("/tc/notices/important-notices/")
    assert response.status_code == 301
    assert response["Location"] == "/tc/notices/"
    with translation.override("en"):
        assert Notice.objects.get().get_absolute_url() == "/en/notices/"


@pytest.mark.parametrize("slug", ["draft", "nothing-here"])
def test_draft_and_unknown_notices_are_404(client, slug):
    make_notice(slug="draft", status=Publishable.Status.DRAFT)
    assert client.get(f"/en/notices/{slug}/").status_code == 404


def test_blank_contact_details_show_no_label(get_page):
    make_notice(slug="access", enquiry_phone="", enquiry_email="", link_url_en="")
    _, soup = get_page("/en/notices/access/")
    text = soup.main.get_text()
    assert "Telephone number" not in text and "Email address" not in text
    assert not soup.main.select(".notice-enquiry, .notice-link")


def test_filled_contact_details_show_with_their_labels(get_page):
    make_notice(
        slug="chatbot",
        enquiry_phone="2398 5133",
        enquiry_email="enquiry@tid.gov.hk",
        link_url_en="https://www.tid.gov.hk/en/access.html",
        closing_text_en="<p>After the enquiry details.</p>",
    )
    _, soup = get_page("/en/notices/chatbot/")
    enquiries = [" ".join(p.get_text().split()) for p in soup.select(".notice-enquiry")]
    assert enquiries == ["Telephone number: 2398 5133", "Email address: enquiry@tid.gov.hk"]
    assert soup.main.find("a", href="tel:23985133")
    assert soup.main.find("a", href="mailto:enquiry@tid.gov.hk")
    assert soup.main.find("a", href="https://www.tid.gov.hk/en/access.html")
    text = soup.main.get_text()
    assert text.index("Email address") < text.index("After the enquiry details.")
    _, soup = get_page("/tc/notices/chatbot/")
    assert soup.select_one(".notice-enquiry").get_text().startswith("電話號碼：")


def test_english_text_missing_in_chinese_is_marked_english(get_page):
    make_notice(slug="new", title_zh_hant="", body_zh_hant="")
    _, soup = get_page("/tc/notices/new/")
    assert soup.h1["lang"] == "en"
    assert soup.select_one(".rich-text")["lang"] == "en"


def test_notice_pages_carry_the_security_headers(client):
    make_notice(slug="security-statement")
    assert_security_headers(client.get("/en/notices/security-statement/"))
    assert_security_headers(client.get("/sc/notices/"))


def test_sitemap_lists_each_published_statement_in_every_language(client):
    make_notice(slug="important-notices")
    make_notice(slug="privacy-policy")
    make_notice(slug="draft", status=Publishable.Status.DRAFT)
    body = client.get("/sitemap-notices.xml").content.decode()
    sections = client.get("/sitemap-sections.xml").content.decode()
    for prefix in ("en", "tc", "sc"):
        assert f"<loc>http://testserver/{prefix}/notices/privacy-policy/</loc>" in body
        assert f"<loc>http://testserver/{prefix}/notices/</loc>" in sections
    assert "<lastmod>2024-05-02</lastmod>" in body
    assert "/notices/draft/" not in body
    assert "/notices/important-notices/" not in body


def test_500_page_footer_links_to_the_notices_without_the_database(rf, django_db_blocker):
    request = rf.get("/en/notices/")
    with django_db_blocker.block(), translation.override("en"):
        response = server_error(request)
    page = response.content.decode()
    assert 'href="/en/notices/privacy-policy/"' in page
    assert 'href="/en/notices/accessibility-statement/"' in page
