"""The site as deployed, under gunicorn with its own configuration (gunicorn.conf.py), on the
embedded default (SQLite, no Redis): what only a real server shows."""

import subprocess
import sys
import time
from urllib.parse import quote

import pytest

from tests.hardening.site import BASE_DIR, running_site


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


# --- The embedded default is one cache for every process on the machine ----------------------

RENAME = """
from schemes.models import Scheme
scheme = Scheme.objects.get(slug="fund")
scheme.name_en, scheme.name_zh_hant = "Renamed Fund", "新名稱基金"
scheme.save()
"""
COUNT = """
from django.core.cache import cache
cache.add("counted", 0, None)
for _ in range(200):
    cache.incr("counted")
"""


@pytest.fixture(scope="module")
def scheme(site):
    site.manage(
        "shell", "-c",
        "from tests.schemes.factories import make_scheme\n"
        "make_scheme(slug='fund', name_en='Old Fund', name_zh_hant='舊名稱基金')",
    )  # fmt: skip
    return "fund"


def test_a_save_in_another_process_shows_at_once_on_every_worker(site, scheme):
    pages = {"/en/schemes/": "Old Fund", "/tc/schemes/": "舊名稱基金", "/sc/schemes/": "旧名称基金"}
    for _ in range(6):  # each worker keeps its copy
        for page, name in pages.items():
            assert name in site.request("GET", page).content.decode()
    site.manage("shell", "-c", RENAME)
    renamed = {
        "/en/schemes/": "Renamed Fund",
        "/tc/schemes/": "新名稱基金",
        "/sc/schemes/": "新名称基金",
    }
    for _ in range(6):
        for page, name in renamed.items():
            assert name in site.request("GET", page).content.decode(), page


def test_counters_are_atomic_across_processes(site):
    processes = [
        subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", COUNT], cwd=BASE_DIR, env=site.env
        )
        for _ in range(3)
    ]
    assert [process.wait(120) for process in processes] == [0, 0, 0]
    total = site.manage(
        "shell", "-c", "from django.core.cache import cache; print(cache.get('counted'))"
    )
    assert total.stdout.strip().splitlines()[-1] == "600"


def test_the_assistants_rate_limit_counts_what_other_processes_counted(site):
    use_up = (
        "from django.test import RequestFactory\n"
        "from portal.ratelimit import rate_limited\n"
        "request = RequestFactory().get('/', REMOTE_ADDR='127.0.0.1')\n"
        "for _ in range(30): rate_limited(request, scope='assistant', limit=30, seconds=60)\n"
    )
    if time.time() % 60 > 50:  # not across the turn of the minute
        time.sleep(61 - time.time() % 60)
    site.manage("shell", "-c", use_up)
    assert site.request("GET", "/en/assistant/answer.json?q=loans").status == 429


def test_one_weather_fetch_for_all_workers(site):
    time.sleep(1)  # both workers' refreshers started with the first requests
    assert site.log().count("HKO weather:observation not refreshed") == 1
