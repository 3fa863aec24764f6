"""Fault tests with real services: a private PostgreSQL and Redis, started by the test on
free ports, stopped while gunicorn (production settings) serves requests, started again.
They run the same in both CI passes: the site under test never uses the suite's database."""

import json
import time
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from portal.cache import PAUSE_SECONDS
from tests.hardening.site import private_site
from tests.portal.admin_forms import form_data

# Content and a signed-in staff session, made in the site's own database.
SETUP = """
from django.test import Client
from portal.roles import PUBLISHER
from tests.portal.factories import make_organisation, make_staff, sign_in
from tests.schemes.factories import make_scheme
organisation = make_organisation(slug="org", name_en="Before", name_zh_hant="之前")
make_scheme(slug="fund", organisation=organisation)
client = Client()
sign_in(client, make_staff(role=PUBLISHER, username="fault"))
print(organisation.pk, client.cookies["sessionid"].value)
"""
PAGES = ["/sc/", "/sc/schemes/", "/sc/schemes/fund/", "/sc/events/", "/sc/notices/",
         "/sc/organisations/org/", "/en/schemes/fund/", "/tc/schemes/"]  # fmt: skip


@pytest.fixture(scope="module")
def services():
    with private_site() as (site, postgres, redis):
        output = site.manage("shell", "-c", SETUP).stdout
        organisation_id, session = output.strip().splitlines()[-1].split()
        yield site, postgres, redis, organisation_id, session


def wait_for(check, seconds=20):
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "did not recover in time"
        time.sleep(0.2)


def ready_state(site) -> str:
    return json.loads(site.request("GET", "/readyz").content)["status"]


def test_pages_stay_up_while_redis_is_down_and_it_is_used_again_after(services):
    site, _, redis, _, _ = services
    assert all(site.request("GET", page).status == 200 for page in PAGES)
    redis.stop()
    try:
        for round_number in range(3):
            for page in PAGES:
                response = site.request("GET", f"{page}?round={round_number}")
                assert response.status == 200, page
        response = site.request("GET", "/readyz")
        assert response.status == 200
        assert json.loads(response.content) == {
            "ready": True, "status": "degraded", "failing": ["cache"]
        }  # fmt: skip
    finally:
        redis.start()
    wait_for(lambda: ready_state(site) == "ok")
    assert all(site.request("GET", page).status == 200 for page in PAGES)
    # A worker skips Redis for PAUSE_SECONDS after its last failure; /readyz answered from one
    # worker only. Let the pause end on every worker before the next test relies on the cache.
    time.sleep(PAUSE_SECONDS + 0.5)


def test_database_down_is_503_with_retry_after_and_recovers_without_restart(services):
    site, postgres, _, _, _ = services
    # Stored in the shared cache first, so every worker finds it there.
    wait_for(lambda: site.request("GET", "/en/schemes/fund/").headers.get("X-Page-Cache") == "hit")
    postgres.stop()
    try:
        # A page the page cache holds is still served; one that must read the database is a
        # 503. A search may be answered from what a worker holds in memory for this content
        # generation (the index and the scheme list), so it is either whole or a 503, never a
        # 500; an item asked nowhere before must be read, so it is a 503.
        kept = site.request("GET", "/en/schemes/fund/")
        assert kept.status == 200
        assert kept.headers["X-Page-Cache"] in ("hit", "stale")
        for search in ["/en/schemes/?q=outage", "/tc/schemes/?q=outage"]:
            assert site.request("GET", search).status in (200, 503), search
        uncached = ["/en/schemes/not-in-memory/", "/tc/events/not-in-memory/"]
        for page in [*uncached, "/sc/schemes/not-in-memory/"]:
            response = site.request("GET", page)
            assert response.status == 503, page
            assert response.headers["Retry-After"] == "30"
            assert "no-store" in response.headers["Cache-Control"]
        simplified = site.request("GET", "/sc/notices/not-in-memory/")
        assert "服务暂时未能提供" in simplified.content.decode()
        answer = site.request("GET", "/tc/assistant/answer.json?q=outage")
        assert answer.status == 503 and answer.headers["Content-Type"] == "application/json"
        assert json.loads(answer.content)["error"]
        assert site.request("GET", "/readyz").status == 503
        assert site.request("GET", "/healthz").status == 200
    finally:
        postgres.start()
    wait_for(lambda: site.request("GET", "/en/schemes/fund/").status == 200)
    assert ready_state(site) == "ok"


def test_admin_save_during_an_outage_is_refused_then_lands_whole(services):
    site, postgres, _, organisation_id, session = services
    url = f"/admin/portal/organisation/{organisation_id}/change/"
    form = site.request("GET", url, headers={"Cookie": f"sessionid={session}"})
    assert form.status == 200
    csrf = form.cookies["csrftoken"]
    data = {**form_data(form), "name_en": "After the outage", "address_en": "1 Harbour Road"}
    headers = {
        "Cookie": f"sessionid={session}; csrftoken={csrf}",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    body = urlencode(data)
    postgres.stop()
    try:
        refused = site.request("POST", url, body=body, headers=headers)
        assert refused.status == 503
    finally:
        postgres.start()
    wait_for(lambda: site.request("GET", "/readyz").status == 200)
    page = site.request("GET", url, headers={"Cookie": f"sessionid={session}"})
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.find("input", attrs={"name": "name_en"})["value"] == "Before"  # nothing half-saved
    saved = site.request("POST", url, body=body, headers=headers)
    assert saved.status == 302
    page = site.request("GET", url, headers={"Cookie": f"sessionid={session}"})
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.find("input", attrs={"name": "name_en"})["value"] == "After the outage"
    assert soup.find("input", attrs={"name": "address_en"})["value"] == "1 Harbour Road"


def test_a_database_outage_logs_a_few_lines_not_one_a_request(services):
    site, postgres, _, _, _ = services
    before = len(site.log().splitlines())
    postgres.stop()
    try:
        answered = 0
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            for page in (
                "/en/schemes/?q=outage",
                "/tc/events/?q=x",
                "/sc/schemes/compare/?s=x",
            ):
                assert site.request("GET", page).status == 503
                answered += 1
    finally:
        postgres.start()
    wait_for(lambda: site.request("GET", "/readyz").status == 200)
    lines = site.log().splitlines()[before:]
    assert answered > 60
    # One throttled warning a minute per worker, and nothing per request.
    assert len(lines) <= 6, "\n".join(lines[:20])
