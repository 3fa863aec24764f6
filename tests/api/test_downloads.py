"""Bulk downloads: every published item as JSON and CSV, a data dictionary, Last-Modified."""

import csv
import io

import pytest
import time_machine

from portal.models import Publishable
from tests.events.factories import make_event
from tests.schemes.factories import add_section, make_scheme

pytestmark = pytest.mark.django_db


def parsed_csv(response) -> list[dict]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())  # spreadsheet programs need the BOM
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_reads_back_with_chinese_intact(client):
    scheme = make_scheme(
        slug="sgs", name_zh_hant="中小企業信貸保證計劃", summary_zh_hant='「保證」, 逗號；引號"內'
    )
    add_section(scheme, anchor="eligibility", body_zh_hant="<p>第一段</p><p>第二段</p>")
    make_scheme(slug="draft", status=Publishable.Status.DRAFT)
    rows = parsed_csv(client.get("/api/v1/downloads/schemes.csv"))
    assert [row["slug"] for row in rows] == ["sgs"]
    row = rows[0]
    assert row["name_tc"] == "中小企業信貸保證計劃"
    assert row["name_sc"] == "中小企业信贷保证计划"
    assert row["summary_tc"] == '「保證」, 逗號；引號"內'
    assert "第一段\n第二段" in row["sections_tc"]
    assert row["status"] == "rolling"
    assert row["status_tc"] == "全年接受申請"


def test_the_json_file_holds_what_the_list_gives(client):
    make_event(slug="fair", title_zh_hant="展覽")
    data = client.get("/api/v1/downloads/events.json").json()
    listed = client.get("/api/v1/events/").json()["items"]
    assert data["items"] == listed
    assert data["terms"].endswith("/en/open-data/#terms")


def test_the_data_dictionary_explains_every_column_in_english_and_chinese(client):
    make_scheme(slug="sgs")
    dictionary = parsed_csv(client.get("/api/v1/downloads/data-dictionary.csv"))
    described = {(entry["dataset"], entry["column"]): entry for entry in dictionary}
    header = parsed_csv(client.get("/api/v1/downloads/schemes.csv"))[0].keys()
    assert {("schemes", column) for column in header} <= set(described)
    name = described["schemes", "name_tc"]
    assert (name["meaning_en"], name["meaning_tc"]) == (
        "Name (Traditional Chinese)",
        "名稱（繁體中文）",
    )
    for entry in dictionary:
        assert entry["meaning_tc"] != entry["meaning_en"], entry


def test_last_modified_moves_only_when_the_file_changes(client):
    scheme = make_scheme(slug="sgs")
    with time_machine.travel("2030-01-01 09:00:00 +0000", tick=False) as clock:
        first = client.get("/api/v1/downloads/schemes.csv")
        clock.shift(120)
        make_event(slug="other-content")  # content changed, but not the schemes
        same = client.get("/api/v1/downloads/schemes.csv")
        assert same["Last-Modified"] == first["Last-Modified"]
        assert (
            client.get(
                "/api/v1/downloads/schemes.csv",
                headers={"If-Modified-Since": first["Last-Modified"]},
            ).status_code
            == 304
        )
        clock.shift(120)
        scheme.name_en = "Renamed"
        scheme.save()
        changed = client.get("/api/v1/downloads/schemes.csv")
    assert changed["Last-Modified"] != first["Last-Modified"]
    assert parsed_csv(changed)[0]["name_en"] == "Renamed"


def test_the_index_links_every_file(client):
    index = client.get("/api/v1/downloads/").json()
    assert [dataset["name"] for dataset in index["datasets"]] == [
        "schemes", "events", "notices", "organisations",
    ]  # fmt: skip
    for dataset in index["datasets"]:
        for url in dataset["files"].values():
            assert client.get(url.removeprefix("http://127.0.0.1:8000")).status_code == 200


def test_the_finder_links_its_results_as_csv_with_its_filters(client):
    from bs4 import BeautifulSoup

    make_scheme(slug="grant", name_zh_hant="市場推廣資助", support_type="grant")
    make_scheme(slug="loan", support_type="loan")
    make_scheme(slug="closed-grant", support_type="grant", closes_on="2020-01-01")
    page = BeautifulSoup(client.get("/sc/schemes/?type=grant").content, "html.parser")
    link = page.find("a", string="下载这些结果（CSV）")
    rows = parsed_csv(client.get(link["href"]))
    assert [row["slug"] for row in rows] == ["grant"]  # open ones, as the finder shows
    assert rows[0]["name_sc"] == "市场推广资助"
    assert "name_en" not in rows[0]  # the page's language only
    assert rows[0]["contacts"] == ""
