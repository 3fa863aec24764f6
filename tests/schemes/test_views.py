import datetime
import json

import pytest
from django.utils import timezone

from portal.models import Publishable
from schemes.models import SupportType
from tests.portal.factories import make_organisation
from tests.schemes.factories import add_contact, add_section, make_scheme

pytestmark = pytest.mark.django_db


def result_names(soup):
    return [h.a.get_text(strip=True) for h in soup.select(".scheme-card__title")]


def test_finder_lists_open_schemes_with_count_and_card_details(get_page):
    make_scheme(
        name_en="Loan Scheme", abbreviation="SGS", max_funding_hkd=6_000_000, summary_en="Loans."
    )
    make_scheme(name_en="Old Scheme", closes_on=datetime.date(2019, 3, 31))
    _, soup = get_page("/en/schemes/")
    assert soup.select_one('[role="status"] h2').get_text(strip=True) == "1 scheme found"
    card = soup.select_one(".scheme-card")
    text = card.get_text(" ", strip=True)
    for expected in ["Loan Scheme", "(SGS)", "Organisation", "Small and medium enterprises",
                     "HK$6,000,000", "Open all year round", "Loans."]:  # fmt: skip
        assert expected in text
    assert "Information as at 27 September 2019" in soup.main.get_text(" ", strip=True)


def test_finder_offers_to_include_closed_schemes(get_page, client):
    make_scheme(name_en="Old Scheme", closes_on=datetime.date(2019, 3, 31))
    _, soup = get_page("/en/schemes/")
    link = soup.find("a", string="Include closed schemes")
    _, soup = get_page("/en/schemes/" + link["href"].split("/en/schemes/")[1])
    assert result_names(soup) == ["Old Scheme"]
    assert soup.find("span", string="Closed")


def test_active_filters_can_be_removed_one_by_one_or_all(get_page):
    make_scheme(name_en="Grant", support_type=SupportType.GRANT)
    make_scheme(name_en="Guarantee", support_type=SupportType.LOAN_GUARANTEE)
    _, soup = get_page("/en/schemes/?type=grant&q=grant&sort=funding")
    assert result_names(soup) == ["Grant"]
    removes = soup.select(".active-filters__remove")
    assert [a.get_text(" ", strip=True) for a in removes] == [
        "Remove filter Search schemes: grant ×",
        "Remove filter Type of support: Grant ×",
    ]
    assert removes[1]["href"] == "/en/schemes/?q=grant&sort=funding"
    assert soup.find("a", string="Clear all filters")["href"] == "/en/schemes/?sort=funding"


def test_empty_result_explains_and_offers_to_clear(get_page):
    make_scheme(name_en="Grant")
    _, soup = get_page("/en/schemes/?q=nothing-like-this")
    assert soup.select_one('[role="status"] h2').get_text(strip=True) == "0 schemes found"
    assert "No schemes match your search." in soup.get_text()
    assert soup.select_one(".empty-state a")["href"] == "/en/schemes/"


def test_finder_paginates_past_twenty(get_page, client):
    for number in range(25):
        make_scheme(name_en=f"Scheme {number:02}")
    _, soup = get_page("/en/schemes/")
    names = [a.get_text() for a in soup.select(".scheme-card__title a")]
    assert names == [f"Scheme {number:02}" for number in range(20)]  # by name, as sorted
    assert soup.find("a", rel="next")["href"] == "?page=2"
    _, soup = get_page("/en/schemes/?page=2")
    names = [a.get_text() for a in soup.select(".scheme-card__title a")]
    assert names == [f"Scheme {number:02}" for number in range(20, 25)]
    assert "25 schemes found" in soup.select_one('[role="status"] h2').get_text()
    assert client.get("/en/schemes/?page=3").status_code == 404


@pytest.mark.parametrize(
    "query",
    ["?type=unknown", "?organisation=nobody", "?status=bogus", "?sort=price"],
)
def test_unknown_values_are_reported_not_fatal(get_page, query):
    make_scheme(name_en="Grant")
    _, soup = get_page(f"/en/schemes/{query}")
    assert soup.select_one('[role="alert"]')
    assert result_names(soup) == ["Grant"]


def test_bad_page_numbers_are_404(client):
    assert client.get("/en/schemes/?page=abc").status_code == 404
    assert client.get("/en/schemes/?page=0").status_code == 404


def test_very_long_query_is_shortened_with_a_message(get_page):
    _, soup = get_page("/en/schemes/?q=" + "a" * 10_000)
    assert "only the first 200 characters" in soup.select_one('[role="alert"]').get_text()
    assert len(soup.main.find("input", attrs={"name": "q"})["value"]) == 200


def test_finder_links_its_atom_feed(get_page):
    _, soup = get_page("/tc/schemes/")
    assert soup.find("link", type="application/atom+xml")["href"] == "/tc/schemes/feed/"
    assert soup.find("a", href="/tc/schemes/feed/")


def make_full_scheme():
    tid = make_organisation(
        slug="tid", name_en="Trade and Industry Department", short_name_en="TID"
    )
    scheme = make_scheme(
        slug="sgs",
        organisation=tid,
        abbreviation="SGS",
        name_en="SME Loan Guarantee Scheme",
        name_zh_hant="中小企業信貸保證計劃",
        website_en="https://www.smefund.tid.gov.hk/english/sgs/sgs_objective.html",
        opens_on=datetime.date(2019, 4, 1),
        closes_on=datetime.date(2020, 3, 31),
        last_reviewed=datetime.date(2019, 10, 2),
    )
    add_section(scheme, anchor="objective", order=1, heading_en="Objective")
    add_section(scheme, anchor="eligibility", order=2, heading_en="Eligibility")
    add_contact(scheme, "phone", "2398 5127", order=1)
    add_contact(scheme, "phone", "2398 5125", order=2)
    add_contact(scheme, "fax", "2391 2646")
    add_contact(scheme, "email", "sgs_enquiry@tid.gov.hk")
    return scheme


def test_scheme_page_in_english(get_page):
    make_full_scheme()
    _, soup = get_page("/en/schemes/sgs/")
    assert soup.h1.get_text(" ", strip=True) == "SME Loan Guarantee Scheme (SGS)"
    assert (
        soup.find(lang="zh-Hant-HK", class_="scheme__other-name").get_text()
        == "中小企業信貸保證計劃"
    )
    crumbs = [li.get_text(strip=True) for li in soup.select(".breadcrumbs li")]
    assert crumbs == ["Home", "Funding Schemes", "SME Loan Guarantee Scheme"]
    facts = soup.select_one("dl.key-facts").get_text(" ", strip=True)
    assert "Trade and Industry Department (TID)" in facts
    assert "1 April 2019 to 31 March 2020" in facts
    assert soup.find("a", rel="external")["href"].startswith("https://www.smefund.tid.gov.hk/")
    contents = [a["href"] for a in soup.select(".contents a")]
    assert contents == ["#key-facts", "#objective", "#eligibility", "#enquiries"]
    assert [h2["id"] for h2 in soup.select("section h2")] == [
        "objective",
        "eligibility",
        "enquiries",
    ]
    assert [a["href"] for a in soup.select('a[href^="tel:"]')] == ["tel:23985127", "tel:23985125"]
    assert soup.find("a", href="mailto:sgs_enquiry@tid.gov.hk")
    assert soup.find("dd", string="2391 2646")  # fax: text, not a link
    assert "Last reviewed 2 October 2019" in soup.get_text(" ", strip=True)
    assert soup.select_one(".site-footer__revised time")["datetime"] == "2019-10-02"


def test_scheme_page_in_chinese_marks_the_english_name(get_page):
    make_full_scheme()
    _, soup = get_page("/tc/schemes/sgs/")
    assert soup.h1.get_text(" ", strip=True) == "中小企業信貸保證計劃 (SGS)"
    assert (
        soup.find(lang="en", class_="scheme__other-name").get_text() == "SME Loan Guarantee Scheme"
    )
    assert "2019年4月1日" in soup.select_one("dl.key-facts").get_text()


def test_scheme_page_has_json_ld_open_graph_and_canonical(get_page):
    make_full_scheme()
    _, soup = get_page("/en/schemes/sgs/")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "SME Loan Guarantee Scheme"
    assert data["provider"]["name"] == "Trade and Industry Department"
    assert data["url"] == "http://testserver/en/schemes/sgs/"
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/en/schemes/sgs/"
    assert soup.find("meta", property="og:title")["content"] == "SME Loan Guarantee Scheme (SGS)"
    assert soup.find("meta", property="og:locale")["content"] == "en_HK"


def test_json_ld_cannot_break_out_of_its_script(get_page):
    make_scheme(slug="x", summary_en="</script><script>alert(1)</script> & more")
    response, soup = get_page("/en/schemes/x/")
    assert b"</script><script>alert" not in response.content
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["description"].startswith("</script>")


def test_unknown_and_draft_schemes_are_404(client):
    make_scheme(slug="draft", status=Publishable.Status.DRAFT)
    assert client.get("/en/schemes/draft/").status_code == 404
    assert client.get("/en/schemes/no-such-scheme/").status_code == 404


def test_feed_lists_schemes_in_the_page_language(client):
    make_scheme(name_en="Loan Scheme", name_zh_hant="信貸計劃", abbreviation="SGS")
    response = client.get("/tc/schemes/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<title>信貸計劃 (SGS)</title>" in body
    assert 'xml:lang="zh-Hant-HK"' in body
    assert "/tc/schemes/" in body


def test_sitemap_lists_each_scheme_in_each_language(client):
    make_scheme(slug="sgs")
    body = client.get("/sitemap-schemes.xml").content.decode()
    for prefix in ("en", "tc", "sc"):
        assert f"http://testserver/{prefix}/schemes/sgs/" in body


def test_organisation_page_lists_its_published_schemes(get_page):
    tid = make_organisation(slug="tid")
    make_scheme(organisation=tid, name_en="Live Scheme")
    make_scheme(organisation=tid, name_en="Draft Scheme", status=Publishable.Status.DRAFT)
    make_scheme(name_en="Someone Else's")
    _, soup = get_page("/en/organisations/tid/")
    assert result_names(soup) == ["Live Scheme"]


def test_home_page_lists_open_schemes(get_page):
    make_scheme(name_en="Open Scheme")
    make_scheme(
        name_en="Closed Scheme", closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    _, soup = get_page("/en/")
    assert [a.get_text() for a in soup.select(".open-schemes a")] == ["Open Scheme"]


def build(count):
    organisations = [make_organisation() for _ in range(3)]
    for number in range(count):
        scheme = make_scheme(organisation=organisations[number % 3])
        for order in range(count // 3):
            add_section(scheme, anchor=f"part-{order}", order=order)
        add_contact(scheme, "phone", "2398 5129")
    return scheme


@pytest.mark.parametrize(
    "path",
    ["/en/schemes/", "/tc/schemes/?type=grant&sort=closing&q=scheme", "/en/", "/en/schemes/feed/"],
)
def test_list_query_count_does_not_grow_with_schemes(
    client, django_assert_num_queries, django_assert_max_num_queries, path
):
    from portal.search import current_index

    build(3)
    current_index()  # a keyword reads the search index, which workers build outside requests
    with django_assert_max_num_queries(20) as small:
        assert client.get(path).status_code == 200
    build(30)
    current_index()
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(path).status_code == 200


def test_scheme_and_organisation_page_query_count_does_not_grow(
    client, django_assert_num_queries, django_assert_max_num_queries
):
    few = build(3)
    with django_assert_max_num_queries(20) as small:
        assert client.get(few.get_absolute_url()).status_code == 200
        client.get(few.organisation.get_absolute_url())
    many = build(30)  # 30 schemes with 10 sections each
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(many.get_absolute_url())
        client.get(many.organisation.get_absolute_url())
