"""The OpenAPI document describes the API as it answers: Schemathesis, every check and phase,
against a live server on whichever database the suite runs (SQLite, PostgreSQL)."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.events.factories import make_event
from tests.notices.factories import make_notice
from tests.portal.factories import make_organisation
from tests.schemes.factories import add_contact, add_rule, add_section, make_question, make_scheme

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@pytest.fixture
def documented_content(transactional_db):
    """Items at the slugs the document gives as examples, so detail operations answer 200."""
    tid = make_organisation(slug="tid", name_zh_hant="工業貿易署")
    scheme = make_scheme(slug="sme-loan-guarantee-scheme", organisation=tid, max_funding_hkd=10)
    add_section(scheme, anchor="eligibility")
    add_contact(scheme, "email", "sgs@example.org")
    add_rule(scheme, make_question("registered", "yes", "no"), passing=("yes",))
    make_event(slug="world-sme-expo-2002", organisers=[tid], fee_hkd="100.50")
    make_notice(slug="privacy-policy")


def test_the_document_is_openapi_3_1_with_examples(client, db):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    schemes = document["paths"]["/api/v1/schemes/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in schemes["parameters"]}
    assert {"q", "type", "organisation", "applicant", "status", "sort", "lang"} <= set(parameters)
    assert {"updated_since", "cursor", "page_size"} <= set(parameters)
    assert parameters["updated_since"]["examples"]
    problem = schemes["responses"]["400"]["content"]
    assert "application/problem+json" in problem
    detail = document["paths"]["/api/v1/schemes/{slug}/"]["get"]
    assert detail["parameters"][0]["examples"] == ["sme-loan-guarantee-scheme"]


def test_schemathesis_finds_no_failure(live_server, documented_content, settings, tmp_path):
    settings.API_REQUESTS_PER_MINUTE = 10**9  # the run makes thousands of requests
    run = subprocess.run(
        [
            SCHEMATHESIS, "run", f"{live_server.url}/api/v1/openapi.json",
            "--url", live_server.url, "--checks", "all", "--max-examples", "25",
            "--seed", "1", "--no-color",
        ],
        capture_output=True, text=True, timeout=900, cwd=tmp_path,
    )  # fmt: skip
    print(run.stdout[-3000:])
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "Warnings:" not in run.stdout
