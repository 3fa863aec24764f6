"""Every /sc/ page is its /tc/ page converted with hk2s, with the Traditional text prevailing."""

import hashlib
import re

import opencc
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.models import Event
from portal.i18n.simplified import local_pages
from portal.models import ConversionOverride, Organisation
from portal.roles import PUBLISHER
from tests.events.factories import hong_kong, make_event
from tests.notices.factories import make_notice
from tests.portal.factories import make_organisation, make_staff, sign_in
from tests.schemes.factories import add_section, make_scheme
from tests.text import visible_strings

pytestmark = pytest.mark.django_db
HK2S = opencc.OpenCC("hk2s")
NOTICE_LABEL = "关于简体中文版本"


@pytest.fixture
def site_pages():
    """One URL (after the prefix) per page type, with the data each needs."""
    make_organisation(
        slug="tid",
        name_en="Trade and Industry Department",
        name_zh_hant="工業貿易署",
        description_zh_hant="<p>協助中小企業發展，提供資訊及支援。</p>",
        address_zh_hant="香港九龍旺角",
    )
    organisation = Organisation.objects.get(slug="tid")
    scheme = make_scheme(
        slug="sgs",
        organisation=organisation,
        name_zh_hant="中小企業信貸保證計劃",
        summary_zh_hant="協助中小企業向參與貸款機構取得貸款。",
    )
    add_section(
        scheme,
        anchor="products",
        body_zh_hant=(
            "<table><caption>擔保產品</caption><thead><tr><th scope='col'>產品</th>"
            "<th scope='col'>擔保額</th></tr></thead><tbody><tr><th scope='row'>貸款</th>"
            "<td>八成</td></tr></tbody></table>"
        ),
    )
    make_event(slug="seminar", title_zh_hant="融資研討會", organisers=[organisation])
    make_event(
        slug="expo",
        title_zh_hant="中國國際竹產品交易博覽會",
        starts_at=hong_kong(2008, 1, 1, 0, 0),
        all_day=True,
        date_precision=Event.Precision.YEAR,
    )
    make_notice(slug="important-notices", body_zh_hant="<p>本網站由工業貿易署製作。</p>")
    make_notice(slug="privacy-policy", title_zh_hant="私隱政策", enquiry_phone="2398 5133")
    return [
        "",
        "schemes/",
        "schemes/?q=%E8%B2%B8%E6%AC%BE",
        "schemes/?q=nothing-matches",
        "schemes/sgs/",
        "events/",
        "events/2030/03/",
        "events/2030/04/",
        "events/past/",
        "events/seminar/",
        "notices/",
        "notices/privacy-policy/",
        "organisations/tid/",
        "no-such-page/",
    ]


def page_text(soup):
    """Visible text outside the Simplified notice, the language switcher (each language
    names itself) and the parts marked not to convert."""
    for fixed in (
        soup.find("aside", attrs={"aria-label": NOTICE_LABEL}),
        soup.find("nav", class_="language-switcher"),
    ):
        if fixed:
            fixed.decompose()
    return list(visible_strings(soup, include_other_languages=False))


def addresses(soup):
    return [
        (el["href"], el.name == "link" and el.has_attr("hreflang"))
        for el in soup.find_all(href=True)
    ]


def get(client, url):
    response = client.get(url)
    return response, BeautifulSoup(response.content, "html.parser")


def test_sc_text_is_hk2s_of_tc_text(client, site_pages):
    for page in site_pages:
        tc_response, tc = get(client, f"/tc/{page}")
        sc_response, sc = get(client, f"/sc/{page}")
        assert sc_response.status_code == tc_response.status_code, page
        assert page_text(sc) == [HK2S.convert(text) for text in page_text(tc)], page


READABLE = ("title", "alt", "aria-label", "placeholder")
ASSISTANT_PAGES = ["assistant/", "assistant/?q=%E8%B2%B8%E6%AC%BE", "assistant/?q=pizza"]


def traditional_text(soup) -> list[str]:
    """What a reader meets that hk2s would still change: text (a <template>'s too, such as the
    assistant panel) and readable attributes, outside the parts marked Traditional."""
    for marked in soup.find_all(["script", "style"]) + soup.find_all(lang=re.compile("^zh-Hant")):
        marked.decompose()
    for marked in soup.find_all(translate="no"):
        marked.decompose()
    texts = [text for text in soup.find_all(string=True) if text.strip()]
    texts += [el[name] for name in READABLE for el in soup.find_all(attrs={name: True})]
    return [text for text in texts if HK2S.convert(text) != text]


def test_sc_pages_hold_no_traditional_text_outside_the_marked_parts(client, site_pages):
    for page in [*site_pages, *ASSISTANT_PAGES, "search/?q=%E8%B2%B8%E6%AC%BE"]:
        _, sc = get(client, f"/sc/{page}")
        assert not traditional_text(sc), page


def test_the_assistant_panel_is_simplified_on_sc_pages(client):
    _, sc = get(client, "/sc/")
    panel = sc.find("template", id="assistant-panel-template")
    assert "关闭" in panel.get_text() and "關閉" not in panel.get_text()
    assert "请勿输入任何个人资料" in panel.get_text()


def test_answer_json_errors_are_simplified_on_sc(client):
    data = client.get("/sc/assistant/answer.json", {"q": " "}).json()
    assert data["error"] == HK2S.convert(client.get("/tc/assistant/answer.json").json()["error"])
    assert HK2S.convert(data["error"]) == data["error"]


def test_sc_keeps_urls_ids_and_marked_parts(client, site_pages):
    for page in site_pages:
        _, tc = get(client, f"/tc/{page}")
        _, sc = get(client, f"/sc/{page}")
        traditional_parts = sc.find_all(lang=re.compile("^zh-Hant"))
        assert [part.get_text() for part in traditional_parts] == ["繁體中文"]
        assert [el["id"] for el in sc.find_all(id=True)] == [
            el["id"] for el in tc.find_all(id=True)
        ]
        # Every address is the same, except that /tc/ pages link within /tc/ and /sc/ within
        # /sc/, and ask the open data API for their own language; the hreflang alternates in
        # <head> name all three languages on both.
        page_text(tc), page_text(sc)  # drops the switcher and the notice
        assert [href for href, _ in addresses(sc)] == [
            href if is_alternate else in_simplified(href) for href, is_alternate in addresses(tc)
        ]


def in_simplified(href: str) -> str:
    href = re.sub(r"^((?:[a-z]+:)?//[^/]+)?/tc/", r"\1/sc/", href)
    return re.sub(r"^(/api/.*[?&])lang=tc\b", r"\1lang=sc", href)


def test_sc_links_stay_in_sc(client, site_pages):
    for page in site_pages:
        _, sc = get(client, f"/sc/{page}")
        for link in sc.find_all("a", href=re.compile("^/(en|tc)/")):
            assert link.get("hreflang") in {"en", "zh-Hant-HK"}, link


def test_sc_page_language_and_headers(client):
    response, sc = get(client, "/sc/")
    assert sc.html["lang"] == "zh-Hans"
    assert response["Content-Language"] == "zh-Hans"
    assert int(response["Content-Length"]) == len(response.content)
    assert response["ETag"] == f'"{hashlib.md5(response.content).hexdigest()}"'  # noqa: S324
    etag_response = client.get("/sc/", headers={"if-none-match": response["ETag"]})
    assert etag_response.status_code == 304


def test_sc_page_keeps_traditional_language_switcher(client):
    _, sc = get(client, "/sc/events/")
    switcher = sc.find("nav", class_="language-switcher")
    assert [a.get_text() for a in switcher.find_all("a")] == ["English", "繁體中文"]


def test_sc_notice_links_to_the_same_page_in_traditional(client):
    _, sc = get(client, "/sc/schemes/?q=%E8%B2%B8")
    notice = sc.find("aside", attrs={"aria-label": NOTICE_LABEL})
    assert "以繁体中文版本为准" in notice.get_text()
    assert notice.find("a")["href"] == "/tc/schemes/?q=%E8%B2%B8"
    assert notice.find_next("main")  # before the main content, as its own landmark
    _, tc = get(client, "/tc/schemes/")
    assert tc.find("aside") is None


def test_override_added_shows_on_the_next_request(client, site_pages):
    make_organisation(slug="airport", name_en="Airport", name_zh_hant="赤鱲角機場管理處")
    _, before = get(client, "/sc/organisations/airport/")
    assert before.h1.get_text(strip=True) == "赤𫚭角机场管理处"
    ConversionOverride.objects.create(traditional="赤鱲角", simplified="赤鱲角")
    _, after = get(client, "/sc/organisations/airport/")
    assert after.h1.get_text(strip=True) == "赤鱲角机场管理处"


def test_converted_pages_are_cached_by_the_traditional_rendering(client):
    local_pages.clear()
    client.get("/sc/notices/")
    assert len(local_pages.items) == 1
    client.get("/sc/notices/")
    assert len(local_pages.items) == 1
    client.get("/sc/events/")
    assert len(local_pages.items) == 2


def test_english_and_traditional_pages_are_never_converted(client):
    ConversionOverride.objects.create(traditional="資助計劃", simplified="资助方案")
    assert "資助計劃" in client.get("/tc/schemes/").content.decode()
    assert "资助方案" in client.get("/sc/schemes/").content.decode()


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300))
def test_any_query_on_sc_pages_is_not_a_server_error(client, query):
    response = client.get("/sc/schemes/", {"q": query})
    assert response.status_code < 500


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%00", "%FF%FE", "%E8%B2"])
def test_broken_percent_encoding_is_not_a_server_error(client, raw):
    assert client.get(f"/sc/schemes/?q={raw}").status_code < 500


@pytest.mark.parametrize(
    ("stored", "query"),
    [("貸款保證", "贷款"), ("查詢熱綫", "热线"), ("查詢熱綫", "熱線"), ("查詢熱線", "熱綫")],
)
@pytest.mark.parametrize("prefix", ["sc", "tc"])
def test_finder_matches_traditional_content_for_any_variant(client, stored, query, prefix):
    make_scheme(slug="found", name_zh_hant=f"{stored}計劃")
    make_scheme(slug="other", name_zh_hant="其他計劃")
    _, soup = get(client, f"/{prefix}/schemes/?q={query}")
    links = [a["href"] for a in soup.select("main a[href*='/schemes/']")]
    assert f"/{prefix}/schemes/found/" in links
    assert f"/{prefix}/schemes/other/" not in links


def test_calendar_and_feeds_on_sc_are_converted_but_keep_their_addresses(client):
    make_event(slug="seminar", title_zh_hant="融資研討會")
    ics = client.get("/sc/events/seminar/calendar.ics").content.decode()
    assert "融资研讨会" in ics and "融資" not in ics
    assert "/sc/events/seminar/" in ics
    feed = client.get("/sc/events/feed.atom").content.decode()
    assert "融资研讨会" in feed
    assert 'xml:lang="zh-Hans"' in feed


def test_override_saved_in_the_admin_applies_on_the_next_request(client):
    make_organisation(slug="airport", name_en="Airport", name_zh_hant="赤鱲角機場管理處")
    sign_in(client, make_staff(role=PUBLISHER))
    response = client.post(
        reverse("admin:portal_conversionoverride_add"),
        {"traditional": "赤鱲角", "simplified": "赤鱲角", "note": "Keep the place name."},
    )
    assert response.status_code == 302
    _, page = get(client, "/sc/organisations/airport/")
    assert page.h1.get_text(strip=True) == "赤鱲角机场管理处"
