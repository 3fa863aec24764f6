"""/api/v1/schemes/: the finder's results and each scheme's facts, published content only."""

import datetime

import pytest
from django.utils import timezone

from portal.models import ConversionOverride, Publishable
from schemes.models import SupportType
from tests.schemes.factories import add_contact, add_rule, add_section, make_question, make_scheme

pytestmark = pytest.mark.django_db
DRAFT = Publishable.Status.DRAFT


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["items"]]


def test_only_live_schemes_are_listed_and_found(client):
    make_scheme(slug="live")
    make_scheme(slug="draft", status=DRAFT)
    make_scheme(slug="later", publish_from=timezone.now() + datetime.timedelta(days=1))
    make_scheme(slug="over", publish_until=timezone.now() - datetime.timedelta(minutes=1))
    assert slugs(client.get("/api/v1/schemes/")) == ["live"]
    for hidden in ("draft", "later", "over"):
        response = client.get(f"/api/v1/schemes/{hidden}/?preview=1")
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/problem+json")


def test_staff_previews_do_not_reach_the_api(admin_client):
    make_scheme(slug="draft", status=DRAFT)
    assert slugs(admin_client.get("/api/v1/schemes/?preview=1")) == []
    assert admin_client.get("/api/v1/schemes/draft/?preview=1").status_code == 404


def test_a_scheme_gives_its_facts_as_data_in_three_languages(client):
    scheme = make_scheme(
        slug="sgs",
        abbreviation="SGS",
        name_en="SME Loan Guarantee Scheme",
        name_zh_hant="中小企業信貸保證計劃",
        max_funding_hkd=6_000_000,
        max_funding_note_en="per enterprise",
        support_type=SupportType.LOAN_GUARANTEE,
        closes_on=timezone.localdate() + datetime.timedelta(days=10),
    )
    add_section(
        scheme, anchor="eligibility", body_zh_hant="<p>合資格<b>企業</b></p><ul><li>甲</li></ul>"
    )
    add_contact(scheme, "phone", "2398 5129")
    add_rule(scheme, make_question("registered", "yes", "no"), passing=("yes",), failing=("no",))
    data = client.get("/api/v1/schemes/sgs/").json()
    assert data["name"] == {
        "en": "SME Loan Guarantee Scheme",
        "tc": "中小企業信貸保證計劃",
        "sc": "中小企业信贷保证计划",
    }
    assert data["status"]["code"] == "closing"
    assert data["status"]["label"]["en"] == "Closing soon"
    assert data["max_funding"]["amount"] == 6_000_000
    assert data["max_funding"]["currency"] == "HKD"
    assert data["max_funding"]["note"]["tc"] is None  # not written in Chinese: no fallback
    assert data["support_type"]["code"] == "loan-guarantee"
    assert data["contacts"] == [{"kind": "phone", "value": "2398 5129"}]
    body = data["sections"][0]["body"]
    assert body["html"]["sc"] == "<p>合资格<b>企业</b></p><ul><li>甲</li></ul>"
    assert body["text"]["tc"] == "合資格 企業\n- 甲"
    rule = data["eligibility_rules"][0]
    assert rule["question"] == "registered"
    assert [answer["value"] for answer in rule["meets"]] == ["yes"]
    assert [answer["value"] for answer in rule["fails"]] == ["no"]
    assert data["url"]["sc"].endswith("/sc/schemes/sgs/")


def test_one_language_with_lang(client):
    make_scheme(slug="one", name_zh_hant="計劃")
    data = client.get("/api/v1/schemes/one/?lang=sc").json()
    assert data["name"] == {"sc": "计划"}
    assert set(data["url"]) == {"sc"}


def test_simplified_text_follows_the_staff_overrides(client):
    make_scheme(slug="airport", summary_zh_hant="赤鱲角機場")
    ConversionOverride.objects.create(traditional="赤鱲角", simplified="赤鱲角")
    assert client.get("/api/v1/schemes/airport/?lang=sc").json()["summary"]["sc"] == "赤鱲角机场"


def test_keyword_and_filters_are_the_finders(client):
    make_scheme(slug="loan", name_en="Loan guarantee", support_type=SupportType.LOAN_GUARANTEE)
    make_scheme(slug="grant", name_en="Marketing grant", name_zh_hant="市場推廣基金")
    assert slugs(client.get("/api/v1/schemes/?q=guarantee")) == ["loan"]
    assert slugs(client.get("/api/v1/schemes/?q=市场&lang=sc")) == ["grant"]
    assert slugs(client.get("/api/v1/schemes/?type=grant")) == ["grant"]
    closed = make_scheme(slug="closed", closes_on=datetime.date(2020, 1, 1))
    assert closed.slug in slugs(client.get("/api/v1/schemes/"))  # every status by default
    assert slugs(client.get("/api/v1/schemes/?status=closed")) == ["closed"]


@pytest.mark.parametrize(
    "query",
    ["lang=fr", "type=cash", "status=open&status=nope", "page_size=0", "page_size=101",
     "sort=price", "cursor=abc", "updated_since=yesterday", "updated_since=2025-01-01",
     "q=a%00b", "q=" + "x" * 201],
)  # fmt: skip
def test_a_bad_parameter_is_a_problem_not_a_page(client, query):
    response = client.get(f"/api/v1/schemes/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == 400
    assert problem["errors"][0]["name"] == query.partition("=")[0]


def test_pages_follow_on_from_the_last_item_even_when_the_list_changes(client):
    for name in "bdfh":
        make_scheme(slug=name, name_en=name)
    first = client.get("/api/v1/schemes/?page_size=2").json()
    assert [item["slug"] for item in first["items"]] == ["b", "d"]
    assert first["total"] == 4
    make_scheme(slug="a", name_en="a")  # before the cursor: must not push "d" onto page two
    second = client.get(first["next"].removeprefix("http://127.0.0.1:8000")).json()
    assert [item["slug"] for item in second["items"]] == ["f", "h"]
    assert second["next"] is None


def test_a_cursor_whose_item_left_starts_where_it_stood(client):
    schemes = {name: make_scheme(slug=name, name_en=name) for name in "bdfh"}
    first = client.get("/api/v1/schemes/?page_size=2").json()
    schemes["d"].delete()
    second = client.get(first["next"].removeprefix("http://127.0.0.1:8000")).json()
    assert [item["slug"] for item in second["items"]] == ["f", "h"]


def test_a_slug_that_cannot_be_one_is_a_bad_parameter(client):
    response = client.get("/api/v1/schemes/n%C3%B1o/")
    assert response.status_code == 400
    assert response.json()["errors"][0]["name"] == "slug"
    assert client.get("/api/v1/schemes/no-such-scheme/").status_code == 404


def test_a_scheme_never_reviewed_has_no_review_date_and_a_review_shows_at_once(client):
    """`last_reviewed` is set only by a publisher's "Mark reviewed" (portal.reviewdates)."""
    scheme = make_scheme(slug="new", last_reviewed=None)
    assert client.get("/api/v1/schemes/new/").json()["last_reviewed"] is None
    scheme.last_reviewed = datetime.date(2026, 12, 7)
    scheme.save(update_fields=["last_reviewed"])
    assert client.get("/api/v1/schemes/new/").json()["last_reviewed"] == "2026-12-07"


def test_a_list_page_names_removals_only_when_asked_for_changes(client):
    """The page's own fields, in order; `removed` only with `updated_since` (left unset, not
    null, otherwise), and a scheme without a stated maximum has a null one."""
    make_scheme(slug="sgs", max_funding_hkd=None)
    page = client.get("/api/v1/schemes/").json()
    assert list(page) == ["items", "total", "next", "as_of"]
    assert page["next"] is None and page["items"][0]["max_funding"] is None
    since = client.get("/api/v1/schemes/?updated_since=2020-01-01T00:00:00Z").json()
    assert list(since) == ["items", "total", "next", "as_of", "removed"]


def test_a_rules_answers_come_in_the_questions_own_order_each_rule_its_own(client):
    from schemes.models import EligibilityOption

    scheme = make_scheme(slug="sgs")
    size = make_question("size", "micro", "small", "medium", "large")
    EligibilityOption.objects.filter(value="micro").update(order=9)  # now the last answer
    add_rule(scheme, size, passing=("small", "micro", "medium"), failing=("large",))
    add_rule(scheme, size, passing=("large",))
    first, second = client.get("/api/v1/schemes/sgs/").json()["eligibility_rules"]
    assert [answer["value"] for answer in first["meets"]] == ["small", "medium", "micro"]
    assert [answer["value"] for answer in first["fails"]] == ["large"]
    assert [answer["value"] for answer in second["meets"]] == ["large"]
    assert second["fails"] == []
