"""Every page type describes itself (meta description) and names its own address (canonical)."""

import datetime

import pytest
from django.template import Context, Template

from tests.assistant.factories import make_answer
from tests.events.factories import make_event
from tests.notices.factories import make_notice
from tests.portal.factories import make_organisation
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
PAGE_TYPES = [
    "",
    "schemes/",
    "schemes/sgs/",
    "schemes/check/",
    "schemes/compare/",
    "events/",
    f"events/{TODAY:%Y}/{TODAY:%m}/",
    "events/past/",
    "events/expo/",
    "organisations/tid/",
    "notices/",
    "notices/privacy-policy/",
    "assistant/",
    "assistant/answers/{answer}/",
    "search/",
    "alerts/subscribe/",
    "open-data/",
]


@pytest.fixture
def pages():
    tid = make_organisation(
        slug="tid",
        name_en="Trade and Industry Department",
        name_zh_hant="工業貿易署",
        description_en="<p>The department helps <b>small &amp; medium</b> enterprises grow.</p>",
        description_zh_hant="<p>工業貿易署協助中小企業發展。</p>",
    )
    make_scheme(
        slug="sgs",
        organisation=tid,
        summary_en="Loan guarantees for SMEs.",
        summary_zh_hant="為中小企業提供貸款擔保。",
    )
    make_event(slug="expo", summary_en="A trade fair.", summary_zh_hant="一個商貿展覽。")
    make_notice(slug="important-notices", body_en="<p>Important notices for every visitor.</p>")
    make_notice(
        slug="privacy-policy",
        body_en="<p>We keep your e-mail address only to send the alerts you ask for.</p>",
        body_zh_hant="<p>我們只會用你的電郵地址發送你要求的提示。</p>",
    )
    answer = make_answer(answer_en="<p>Call 2398 5133 for help.</p>")
    return [page.format(answer=answer.pk) for page in PAGE_TYPES]


def head(get_page, url):
    _response, soup = get_page(url)
    description = soup.find("meta", attrs={"name": "description"})["content"]
    canonical = [link["href"] for link in soup.find_all("link", rel="canonical")]
    return description, canonical


@pytest.mark.parametrize("prefix", ["en", "tc", "sc"])
def test_every_page_type_has_its_own_description_and_canonical_address(get_page, pages, prefix):
    seen = {}
    for page in pages:
        description, canonical = head(get_page, f"/{prefix}/{page}")
        assert 0 < len(description) <= 160, (page, description)
        assert canonical == [f"http://testserver/{prefix}/{page}"]
        seen.setdefault(description, []).append(page)
    assert [pages for pages in seen.values() if len(pages) > 1] == []


def test_descriptions_come_from_the_pages_own_content(get_page, pages):
    assert head(get_page, "/en/schemes/sgs/")[0] == "Loan guarantees for SMEs."
    assert head(get_page, "/tc/events/expo/")[0] == "一個商貿展覽。"
    assert head(get_page, "/sc/events/expo/")[0] == "一个商贸展览。"
    assert head(get_page, "/en/organisations/tid/")[0] == (
        "The department helps small & medium enterprises grow."
    )
    privacy = "我們只會用你的電郵地址發送你要求的提示。"
    assert head(get_page, "/tc/notices/privacy-policy/")[0] == privacy


def test_chinese_pages_describe_themselves_in_chinese(get_page, pages):
    for page in pages:
        english = head(get_page, f"/en/{page}")[0]
        assert head(get_page, f"/tc/{page}")[0] != english, page
        assert head(get_page, f"/sc/{page}")[0] != english, page


def test_canonical_address_drops_search_and_filters_but_keeps_the_page_number(get_page, pages):
    for url, canonical in [
        ("/en/schemes/?q=loan&type=loan", "http://testserver/en/schemes/"),
        ("/tc/search/?q=loan", "http://testserver/tc/search/"),
        ("/en/events/past/?page=1", "http://testserver/en/events/past/"),
    ]:
        assert head(get_page, url)[1] == [canonical]


def test_error_pages_name_no_canonical_address(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert b'rel="canonical"' not in response.content


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>Short &amp; <b>plain</b>.</p><ul><li>One</li></ul>", "Short & plain. - One"),
        ("<p>" + "word " * 40 + "</p>", ("word " * 32).strip() + "…"),
        ("<p>" + "中" * 200 + "</p>", "中" * 159 + "…"),
        ("<p>" + "abcdefgh " * 20 + "</p>", ("abcdefgh " * 17).strip() + "…"),
    ],
)
def test_description_filter_gives_one_line_of_plain_text_under_160_characters(markup, expected):
    rendered = Template("{% load content %}{{ markup|description }}").render(
        Context({"markup": markup}, autoescape=False)
    )
    assert rendered == expected
    assert len(rendered) <= 160
