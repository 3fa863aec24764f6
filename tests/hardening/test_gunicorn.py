"""The site as deployed, under gunicorn with its own configuration (gunicorn.conf.py), on the
embedded default (SQLite, no Redis): what only a real server shows."""

from urllib.parse import quote

import pytest

from tests.hardening.site import running_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    database = tmp_path_factory.mktemp("gunicorn") / "db.sqlite3"
    with running_site(database_url=f"sqlite:///{database}", redis_url="") as site:
        yield site


@pytest.mark.parametrize(("lang", "heading"), [("tc", "500"), ("sc", "500"), ("en", "500")])
def test_an_over_long_chinese_question_gets_our_page_not_gunicorns_414(site, lang, heading):
    question = "請問中小企業市場推廣基金" * 42  # 504 characters, about 4.5 KB percent-encoded
    target = f"/{lang}/assistant/?q={quote(question)}"
    assert len(target) > 4094  # gunicorn's default limit
    response = site.request("GET", target)
    assert response.status == 400
    assert heading in response.content.decode()
    assert "<html" in response.content.decode()


def test_a_question_in_four_byte_characters_reaches_the_site_too(site):
    response = site.request("GET", f"/tc/assistant/answer.json?q={quote('𠀋' * 501)}")
    assert response.status == 400
    assert response.headers["Content-Type"] == "application/json"


def test_head_requests_log_no_warning(site):
    for path in ("/en/", "/tc/schemes/", "/sc/events/", "/en/assistant/", "/healthz"):
        response = site.request("HEAD", path)
        assert response.status == 200
        assert response.content == b""
        assert int(response.headers["Content-Length"]) > 0
    assert "no-body response" not in site.log()
