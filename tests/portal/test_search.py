import pytest
from bs4 import BeautifulSoup

from portal.search import SearchDocument, SearchIndex, content_changed, current_index
from portal.search.snippets import snippet
from portal.search.text import tokens
from tests.events.factories import make_event
from tests.notices.factories import make_notice
from tests.schemes.factories import add_section, make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_index():
    content_changed()
    yield
    content_changed()


def _document(path, en, zh="", kind="scheme"):
    return SearchDocument(kind=kind, path=path, title={"en": "Page", "zh-hant": "頁"},
                          text={"en": en, "zh-hant": zh})  # fmt: skip


def test_english_is_stemmed_and_stop_words_dropped():
    assert tokens("What are the guarantees?") == ["guarante"]


def test_chinese_is_cut_into_characters_and_pairs_in_simplified():
    assert tokens("資助金額") == ["资", "助", "金", "额", "资助", "助金", "金额"]


def test_simplified_question_finds_traditional_text():
    index = SearchIndex([_document("a/", "", "市場推廣基金"), _document("b/", "", "信貸保證")])
    assert index.search("市场推广")[0].document.path == "a/"


def test_synonyms_staff_add_are_understood():
    documents = [_document("fair/", "exhibition in Tokyo"), _document("other/", "a seminar")]
    assert not SearchIndex(documents).search("trade fair")
    index = SearchIndex(documents, [["trade fair", "exhibition"]])
    assert index.search("trade fair")[0].document.path == "fair/"


def test_snippet_marks_matched_words_and_escapes_the_rest():
    text = "First sentence. The <b>guarantee</b> covers 50%. Last one."
    html = str(snippet(text, frozenset(tokens("guarantees"))))
    assert html == "The &lt;b&gt;<mark>guarantee</mark>&lt;/b&gt; covers 50%."


def test_only_published_items_of_every_registered_app_are_indexed():
    make_scheme(slug="emf", name_en="Export Marketing Fund")
    make_scheme(slug="draft", name_en="Draft Scheme", status="draft")
    make_event(slug="fair", title_en="Food Fair")
    make_notice(slug="chatbot", title_en="Chatbot Function")
    paths = {document.path for document in current_index().documents}
    assert {"schemes/emf/", "events/fair/", "notices/chatbot/"} <= paths
    assert "schemes/draft/" not in paths


def test_a_save_moves_the_version_so_every_worker_rebuilds():
    first = current_index()
    assert current_index() is first
    make_scheme(slug="new", name_en="New Scheme")
    assert current_index() is not first
    assert "schemes/new/" in current_index().by_path


def test_a_rebuild_keeps_each_unchanged_document_and_takes_each_changed_one():
    import datetime

    make_scheme(slug="kept", name_en="Kept Scheme")
    renamed = make_scheme(slug="renamed", name_en="Old Name")
    closing = make_scheme(slug="closing", name_en="Closing Scheme")
    first = {document.path: document for document in current_index().documents}
    renamed.name_en = "New Name"
    renamed.save()
    closing.closes_on = datetime.date(2030, 1, 31)  # only in `extra`, not the text
    closing.save()
    second = {document.path: document for document in current_index().documents}
    assert second["schemes/kept/"] is first["schemes/kept/"]
    assert "New Name" in second["schemes/renamed/"].title["en"]
    assert second["schemes/closing/"].extra["closes_on"] == datetime.date(2030, 1, 31)


def test_search_page_lists_results_with_type_facets_count_and_marks(get_page):
    scheme = make_scheme(slug="emf", name_en="Export Marketing Fund", name_zh_hant="市場推廣基金")
    add_section(scheme, anchor="amount", heading_en="Funding Amount",
                body_en="<p>The export grant is HKD100,000.</p>")  # fmt: skip
    make_event(slug="expo", title_en="Export Expo", title_zh_hant="出口博覽")
    _, soup = get_page("/en/search/?q=export")
    assert "3 results" in soup.select_one("[role=status]").get_text()
    facets = [a.get_text() for a in soup.select(".site-search__facets a")]
    assert facets == ["All (3)", "Funding schemes (2)", "Events (1)"]
    assert soup.select_one(".site-search__result mark").get_text().casefold() == "export"
    _, soup = get_page("/en/search/?q=export&type=event")
    assert [a["href"] for a in soup.select(".site-search__result h3 a")] == ["/en/events/expo/"]


def test_search_page_in_simplified_and_empty_state(get_page):
    make_scheme(slug="emf", name_en="Export Marketing Fund", name_zh_hant="市場推廣基金")
    _, soup = get_page("/sc/search/?q=市场推广")
    assert soup.select_one(".site-search__result h3 a").get_text() == "市场推广基金"
    _, soup = get_page("/tc/search/?q=zzzz")
    assert soup.select_one(".empty-state a[href='/tc/assistant/']")
    assert soup.select_one(".empty-state a[href='/tc/schemes/']")


def test_every_page_has_the_search_box_and_the_assistant_link(get_page):
    for prefix in ("en", "tc", "sc"):
        _, soup = get_page(f"/{prefix}/")
        header = soup.select_one("header")
        assert header.select_one(f"form[action='/{prefix}/search/'] input[name=q]")
        assert header.select_one(f"a#assistant-toggle[href='/{prefix}/assistant/']")
    _, soup = get_page("/tc/")
    assert soup.select_one("#assistant-toggle").get_text() == "查詢助理"


def test_search_paginates(get_page):
    for number in range(12):
        make_scheme(slug=f"fund-{number}", name_en=f"Export Fund {number}")
    _, soup = get_page("/en/search/?q=export&page=2")
    assert len(soup.select(".site-search__result")) == 2
    assert BeautifulSoup(str(soup.select_one(".pagination")), "html.parser").find(rel="prev")


def test_a_word_no_page_uses_finds_its_longer_form():
    index = SearchIndex([_document("a/", "sole proprietorship"), _document("b/", "a company")])
    assert index.search("sole proprietor")[0].document.path == "a/"
    assert index.search("sole proprietor")[0].coverage == 1


def test_events_that_are_over_rank_below_what_owners_can_still_use(get_page):
    from tests.events.factories import hong_kong

    scheme = make_scheme(slug="emf", name_en="Export Marketing Fund")
    add_section(scheme, anchor="scope", body_en="<p>Grants for trade fairs outside Hong Kong.</p>")
    make_event(slug="fair-2006", title_en="Trade Fair", starts_at=hong_kong(2006, 5, 1, 10, 0))
    _, soup = get_page("/en/search/?q=trade+fair")
    results = [a["href"] for a in soup.select(".site-search__result h3 a")]
    assert results == ["/en/schemes/emf/#scope", "/en/events/fair-2006/"]


def test_a_long_sentence_is_shortened_between_english_words():
    text = (
        "Under normal circumstances, the HKTB will complete the processing of a valid "
        "application within 30 working days from the date of receipt of the duly completed "
        "application accompanied by all necessary supporting documentation, upon confirmation "
        "of the eligible MIC event."
    )
    shown = str(snippet(text, frozenset(["process"])))
    assert shown.startswith("…the HKTB will complete the <mark>processing</mark>")
    assert shown.endswith(" of…") or shown.endswith("confirmation…")
    assert "30 working days" in shown
