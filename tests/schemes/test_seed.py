"""The seed fixtures carry every sentence of both seed documents to the right pages."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from schemes.models import Scheme
from schemes.status import SchemeStatus, scheme_status
from tests.seeds import seed_file

ENGLISH_SEED = seed_file("002")
CHINESE_SEED = seed_file("003")
SLUGS = [
    "sme-loan-guarantee-scheme",
    "sme-financing-guarantee-scheme",
    "sme-export-marketing-fund",
    "small-mic-groups-funding-2019-20",
]
# Shown as structured key facts and enquiry links, checked on their own below.
STRUCTURED_LABELS = {"Website", "Administered by", "Enquiry", "網站", "管理機構", "查詢"}
# Mistakes in the source documents, corrected on the site on purpose.
CORRECTIONS = {"人境遊": "入境遊"}
BLOCK_TAGS = re.compile(r"</?(?:p|ol|ul|li|table|thead|tbody|tr|td|th)\b[^>]*>", re.I)
ANY_TAG = re.compile(r"<[^>]+>")
LIST_MARKER = re.compile(r"(?:^|\s)(?:[a-h]|[ivx]{1,4}|\d{1,2})\.\s")
SENTENCE_END = re.compile(r"(?<=[.;。；])\s*")

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed(db):
    call_command("load_seed", verbosity=0)


def scheme_blocks(text: str) -> list[str]:
    """The seed's text for each scheme, in order, without the document and scheme titles."""
    parts = re.split(r"^#* ?\d\. .*$", text, flags=re.M)
    return parts[1:]


def seed_units(block: str):
    """Each sentence or fragment of text a scheme's block holds, with the PDF artefacts removed."""
    block = re.sub(r'\s(?:data-bbox|style|border)="[^"]*"', "", block)
    block = block.replace("\\$", "$")
    for before, after in CORRECTIONS.items():
        block = block.replace(before, after)
    for line in block.splitlines():
        cells = [cell for cell in line.split("\t") if cell.strip()]
        if not cells:
            continue
        label = ANY_TAG.sub("", cells[0]).strip().rstrip(":：")
        if label in STRUCTURED_LABELS:
            continue
        for cell in cells:
            text = ANY_TAG.sub("", BLOCK_TAGS.sub("\n", cell))
            for piece in re.split(r"[•\n]", text):
                piece = re.sub(r"^\s*-\s+", "", piece)
                piece = re.sub(r"^\*(\*.*)\*$", r"\1", piece.strip())
                piece = re.sub(r"(\w)- (\w)", r"\1-\2", piece)  # words hyphenated at a line end
                for item in LIST_MARKER.split(piece):
                    for sentence in SENTENCE_END.split(item):
                        sentence = sentence.strip().rstrip(":：").strip()
                        if sentence:
                            yield sentence


def normalise(text: str, chinese: bool) -> str:
    return re.sub(r"\s+", "" if chinese else " ", text).strip()


def page_text(client, prefix, slug) -> str:
    response = client.get(f"/{prefix}/schemes/{slug}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").main.get_text("")


@pytest.mark.parametrize(("prefix", "seed_file"), [("en", ENGLISH_SEED), ("tc", CHINESE_SEED)])
def test_every_seed_sentence_is_on_its_language_page(client, seed, prefix, seed_file):
    chinese = prefix == "tc"
    blocks = scheme_blocks(seed_file.read_text(encoding="utf-8"))
    assert len(blocks) == 4
    for slug, block in zip(SLUGS, blocks, strict=True):
        page = normalise(page_text(client, prefix, slug), chinese)
        missing = [u for u in seed_units(block) if normalise(u, chinese) not in page]
        assert missing == [], slug


def test_four_schemes_in_both_languages(seed):
    schemes = Scheme.objects.published().order_by("pk")
    assert [s.slug for s in schemes] == SLUGS
    for scheme in schemes:
        assert (
            scheme.name_en and scheme.name_zh_hant and scheme.summary_en and scheme.summary_zh_hant
        )
        for section in scheme.sections.all():
            assert section.heading_en and section.heading_zh_hant
            assert section.body_en and section.body_zh_hant
        assert scheme.information_as_at == datetime.date(2019, 9, 27)


def test_sections_follow_the_seed_order(seed):
    headings = {
        s.slug: [(x.heading_en, x.heading_zh_hant) for x in s.sections.all()]
        for s in Scheme.objects.all()
    }
    assert headings["sme-loan-guarantee-scheme"] == [
        ("Objective", "目的"),
        ("Eligibility", "申請資格"),
        ("Guarantee Ceiling and Period", "保證上限和保證期"),
    ]
    assert [en for en, _ in headings["small-mic-groups-funding-2019-20"]] == [
        "Objective",
        "Eligibility of Applicant",
        "Eligibility of Meeting, Incentive or Convention (MIC) Group",
        "Definition of a Qualified MIC Event",
        "Funding Support",
        "Application Period",
        "Application Procedures",
        "Funding Provision",
    ]
    assert [zh for _, zh in headings["sme-export-marketing-fund"]] == [
        "目的", "申請資格", "資助金額", "完成項目時間", "資助範圍",
    ]  # fmt: skip


def test_no_extraction_artefacts_remain(seed):
    for scheme in Scheme.objects.all():
        for section in scheme.sections.all():
            for body in (section.body_en, section.body_zh_hant):
                for artefact in ("data-bbox", "style=", "•", "\\$", "<u>"):
                    assert artefact not in body, (scheme.slug, section.anchor, artefact)


def table_headers(client, prefix, slug):
    soup = BeautifulSoup(client.get(f"/{prefix}/schemes/{slug}/").content, "html.parser")
    (table,) = soup.main.find_all("table")
    assert table.caption.get_text(strip=True)
    columns = [th.get_text(" ", strip=True) for th in table.select('th[scope="col"]')]
    rows = [th.get_text(" ", strip=True) for th in table.select('th[scope="row"]')]
    return columns, rows


def test_sfgs_guarantee_products_table(client, seed):
    columns, rows = table_headers(client, "en", "sme-financing-guarantee-scheme")
    assert columns[:4] == [
        "Guarantee Product Code",
        "SME50A/ SME50B",
        "SME60A/ SME60B",
        "SME70A/ SME70B",
    ]
    assert rows == [
        "Risk Sharing Factor",
        "Application Period",
        "Maximum Aggregate Guaranteed Amount",
        "Annual Guarantee Fee Rates",
        "Maximum Facility Amount",  # joined back from the two halves split across pages
    ]
    columns, rows = table_headers(client, "tc", "sme-financing-guarantee-scheme")
    assert columns[0] == "擔保產品編號"
    assert rows == ["擔保比率", "申請期", "最高擔保總額", "擔保年費", "最高總貸款額"]


def test_mic_funding_tiers_table(client, seed):
    columns, rows = table_headers(client, "en", "small-mic-groups-funding-2019-20")
    assert columns == [
        "Number of non-Hong Kong participants",
        "Maximum amount of funding support from HKTB (HKD)",
    ]
    assert rows == ["30-50", "51-75", "76-100", "101-200", "201-400"]
    columns, _ = table_headers(client, "tc", "small-mic-groups-funding-2019-20")
    assert columns == ["訪港會獎團體人數", "香港旅遊發展局提供之最高資助金額（港幣）"]


def test_mic_is_closed_as_of_a_fixed_date(seed):
    mic = Scheme.objects.get(slug="small-mic-groups-funding-2019-20")
    assert (mic.opens_on, mic.closes_on) == (datetime.date(2019, 4, 1), datetime.date(2020, 3, 31))
    assert scheme_status(mic, today=datetime.date(2024, 1, 2)) == SchemeStatus.CLOSED
    assert scheme_status(mic, today=datetime.date(2019, 9, 27)) == SchemeStatus.OPEN


def test_structured_facts_from_the_seed(client, seed):
    soup = BeautifulSoup(
        client.get("/en/schemes/sme-export-marketing-fund/").content, "html.parser"
    )
    assert [a["href"] for a in soup.select('a[href^="tel:"]')] == ["tel:23985127", "tel:23985125"]
    assert {dd.get_text() for dd in soup.select("#enquiries ~ dl dd")} >= {"2391 2646", "3525 0329"}
    assert soup.find("a", href="mailto:emf_enquiry@tid.gov.hk")
    assert soup.find("a", href="https://www.smefund.tid.gov.hk/english/emf/emf_objective.html")
    soup = BeautifulSoup(
        client.get("/tc/schemes/sme-financing-guarantee-scheme/").content, "html.parser"
    )
    facts = soup.select_one("dl.key-facts").get_text("", strip=True)
    assert "港幣15,000,000元" in facts
    assert (
        "香港按證保險有限公司（按證保險公司），一所由香港按揭證券有限公司（按揭證券公司）全資擁有之附屬公司。"
        in facts
    )


def test_loading_the_seed_twice_changes_nothing(seed):
    before = Scheme.objects.count()
    call_command("load_seed", verbosity=0)
    assert Scheme.objects.count() == before == 4


def test_the_seed_schemes_are_overdue_for_review_since_march_2020(seed):
    """The seed document is dated 27 September 2019: that is when the schemes were last
    reviewed, so their six-monthly review fell due on 27 March 2020."""
    for scheme in Scheme.objects.all():
        assert scheme.last_reviewed == datetime.date(2019, 9, 27)
        assert scheme.next_review == datetime.date(2020, 3, 27)
    call_command("load_seed", verbosity=0)
    assert Scheme.objects.filter(next_review=datetime.date(2020, 3, 27)).count() == 4
