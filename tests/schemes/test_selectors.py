import datetime

import pytest

from portal.models import Publishable
from schemes.models import Applicant, SupportType
from schemes.selectors import SchemeFilters, SchemeSort, scheme_list_open, scheme_search
from schemes.status import SchemeStatus
from tests.portal.factories import make_organisation
from tests.schemes.factories import add_section, make_scheme

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2019, 9, 27)


def slugs(**kwargs):
    kwargs.setdefault("today", TODAY)
    return [scheme.slug for scheme in scheme_search(**kwargs)]


def test_keyword_matches_name_abbreviation_summary_and_sections_in_english():
    make_scheme(slug="by-name", name_en="Export Fund")
    make_scheme(slug="by-abbreviation", abbreviation="EMF")
    make_scheme(slug="by-summary", summary_en="Helps with exports.")
    add_section(make_scheme(slug="by-section"), anchor="scope", body_en="<p>An export fair.</p>")
    make_scheme(slug="unrelated")
    assert sorted(slugs(query="export", language_code="en")) == [
        "by-name",
        "by-section",
        "by-summary",
    ]
    assert slugs(query="emf", language_code="en") == ["by-abbreviation"]


def test_every_word_must_match():
    make_scheme(slug="both", name_en="Loan guarantee")
    make_scheme(slug="one", name_en="Loan fund")
    assert slugs(query="loan guarantee", language_code="en") == ["both"]


def test_section_markup_is_not_searchable():
    add_section(
        make_scheme(slug="s"),
        anchor="a",
        body_en='<p>Plain <a href="https://x.test/">words</a></p>',
    )
    assert slugs(query="href", language_code="en") == []
    assert slugs(query="words", language_code="en") == ["s"]


def test_chinese_finds_variant_characters_and_every_page_searches_both_languages():
    make_scheme(slug="hotline", name_zh_hant="查詢熱綫計劃", name_en="Hotline")
    assert slugs(query="熱線", language_code="zh-hant") == ["hotline"]
    assert slugs(query="热线", language_code="zh-hans") == ["hotline"]
    assert slugs(query="熱線", language_code="en") == ["hotline"]
    assert slugs(query="hotline", language_code="zh-hant") == ["hotline"]


def test_the_keyword_box_understands_owners_as_the_assistant_does():
    """Synonyms, colloquial phrases and typos: the site's one search engine (issue 21)."""
    from tests.assistant.factories import make_phrase, make_synonyms

    sgs = make_scheme(slug="sgs", name_en="Loan Guarantee", name_zh_hant="信貸保證")
    add_section(sgs, anchor="objective", body_en="<p>computer software and hardware</p>",
                body_zh_hant="<p>購置電腦軟件和硬件</p>")  # fmt: skip
    emf = make_scheme(slug="emf", name_en="Export Marketing Fund", name_zh_hant="市場推廣基金")
    add_section(emf, anchor="scope", body_en="<p>Trade fairs outside Hong Kong</p>",
                body_zh_hant="<p>香港境外展銷會</p>")  # fmt: skip
    make_synonyms("買", "購置")
    make_synonyms("參展", "展銷會")
    make_synonyms("海外", "境外")
    make_synonyms("展覽", "展銷")
    make_phrase("有冇", "有沒有")
    for query, found in [("買電腦", "sgs"), ("computers", "sgs"), ("computr", "sgs"),
                         ("参展", "emf"), ("海外 展覽", "emf"), ("買電腦有冇", "sgs")]:  # fmt: skip
        assert slugs(query=query, language_code="zh-hant") == [found], query


def test_a_search_lists_the_best_match_first_unless_another_order_is_chosen():
    make_scheme(slug="a", name_en="A", summary_en="Helps.")
    make_scheme(slug="b", name_en="B", summary_en="Has an export fund.")
    make_scheme(slug="c", name_en="Export Fund C", summary_en="The export fund for exporters.")
    relevance = slugs(query="export fund", sort=SchemeSort.RELEVANCE, language_code="en")
    assert relevance == ["c", "b"]
    assert slugs(query="export fund", sort=SchemeSort.NAME, language_code="en") == ["b", "c"]
    assert slugs(sort=SchemeSort.RELEVANCE, language_code="en") == ["a", "b", "c"]


def test_filters_by_type_organisation_and_applicant():
    tid = make_organisation(slug="tid")
    make_scheme(slug="grant", support_type=SupportType.GRANT, organisation=tid)
    make_scheme(slug="loan", support_type=SupportType.LOAN_GUARANTEE)
    make_scheme(slug="agents", applicant=Applicant.TRAVEL_AGENTS)
    assert slugs(filters=SchemeFilters(support_types=("loan-guarantee",))) == ["loan"]
    assert slugs(filters=SchemeFilters(organisations=("tid",))) == ["grant"]
    assert slugs(filters=SchemeFilters(applicants=("travel-agents",))) == ["agents"]


def test_open_and_rolling_by_default_closed_on_request():
    make_scheme(slug="rolling")
    make_scheme(slug="open", closes_on=TODAY + datetime.timedelta(days=90))
    make_scheme(slug="closing", closes_on=TODAY + datetime.timedelta(days=3))
    make_scheme(slug="closed", closes_on=TODAY - datetime.timedelta(days=1))
    make_scheme(slug="upcoming", opens_on=TODAY + datetime.timedelta(days=1))
    assert sorted(slugs()) == ["closing", "open", "rolling"]
    assert slugs(filters=SchemeFilters(statuses=(SchemeStatus.CLOSED,))) == ["closed"]
    assert slugs(filters=SchemeFilters(statuses=(SchemeStatus.NOT_YET_OPEN,))) == ["upcoming"]


def test_sort_by_name_closing_date_and_funding():
    make_scheme(slug="b", name_en="B", closes_on=TODAY + datetime.timedelta(days=60))
    make_scheme(slug="a", name_en="A", max_funding_hkd=100_000)
    make_scheme(
        slug="c",
        name_en="C",
        closes_on=TODAY + datetime.timedelta(days=5),
        max_funding_hkd=6_000_000,
    )
    assert slugs(sort=SchemeSort.NAME, language_code="en") == ["a", "b", "c"]
    assert slugs(sort=SchemeSort.CLOSING, language_code="en") == ["c", "b", "a"]
    assert slugs(sort=SchemeSort.FUNDING, language_code="en") == ["c", "a", "b"]


def test_only_published_schemes_are_found():
    make_scheme(slug="draft", status=Publishable.Status.DRAFT)
    make_scheme(slug="live")
    assert slugs() == ["live"]


def test_home_page_list_is_open_schemes_closing_soonest_first():
    make_scheme(slug="later", closes_on=TODAY + datetime.timedelta(days=90))
    make_scheme(slug="soon", closes_on=TODAY + datetime.timedelta(days=3))
    make_scheme(slug="closed", closes_on=TODAY - datetime.timedelta(days=3))
    assert [s.slug for s in scheme_list_open(today=TODAY, limit=1)] == ["soon"]
