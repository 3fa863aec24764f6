"""portal.input: one cleaner for every path, query parameter and form, on every route."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError

from portal.errors import DatabaseUnavailableMiddleware
from portal.input import is_unreadable
from tests.portal.factories import sign_in

pytestmark = pytest.mark.django_db

UNREADABLE_VALUES = ["abc\x00def", "\x00", "a\x1bb", "\x7f", "\x85", "a\ud800b"]
ROUTES_AND_PARAMETERS = [
    ("/{lang}/assistant/", "q"),
    ("/{lang}/schemes/compare/", "s"),
    ("/{lang}/schemes/", "q"),
    ("/{lang}/schemes/check/", "registered"),
    ("/{lang}/search/", "q"),
    ("/{lang}/events/", "q"),
    ("/{lang}/alerts/subscribe/", "kind"),
    ("/{lang}/schemes/", "unknown"),
]
HEADINGS = {
    "en": "Sorry, we could not read that request",
    "tc": "對不起，我們無法讀取這項要求",
    "sc": "对不起，我们无法读取这项要求",
}


@pytest.mark.parametrize("value", UNREADABLE_VALUES)
def test_control_characters_and_lone_surrogates_are_unreadable(value):
    assert is_unreadable(value)


@pytest.mark.parametrize("value", ["資助計劃", "line one\nline two\r\n\tindented", "𠀋", "é"])
def test_text_people_type_is_readable(value):
    assert not is_unreadable(value)


@pytest.mark.parametrize("lang", ["en", "tc", "sc"])
@pytest.mark.parametrize(("route", "parameter"), ROUTES_AND_PARAMETERS)
def test_a_nul_in_any_parameter_is_our_400_page_in_the_page_language(
    client, lang, route, parameter
):
    response = client.get(route.format(lang=lang), {parameter: "abc\x00def"})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == HEADINGS[lang]
    assert "no-store" in response["Cache-Control"]


def test_a_control_character_in_a_parameter_name_is_refused_too(client):
    assert client.get("/en/schemes/?q\x01=x").status_code == 400


@pytest.mark.parametrize("lang", ["en", "tc", "sc"])
def test_the_json_endpoint_answers_json_for_unreadable_input(client, lang):
    response = client.get(f"/{lang}/assistant/answer.json", {"q": "abc\x00def"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["error"]


def test_a_form_post_with_a_nul_is_refused_and_nothing_is_stored(client):
    from alerts.models import Subscriber

    response = client.post(
        "/en/alerts/subscribe/", {"email": "a\x00@example.com", "frequency": "immediate"}
    )
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_newlines_in_a_form_post_are_accepted(client):
    response = client.post("/en/assistant/feedback/", {"token": "x\r\ny", "helpful": "yes"})
    assert response.status_code == 400  # the made-up token, not the newline
    assert "could not read" not in response.content.decode()


def test_the_admin_search_is_cleaned_too(client, admin_user):
    sign_in(client, admin_user)
    assert client.get("/admin/schemes/scheme/", {"q": "\x00"}).status_code == 400


def test_a_control_character_in_the_path_is_refused(client):
    assert client.get("/en/alerts/manage/abc%00def/").status_code == 400


@pytest.mark.parametrize("lang", ["en", "tc", "sc"])
def test_answer_json_answers_json_during_a_database_outage(rf, django_db_blocker, lang):
    with django_db_blocker.block():
        response = DatabaseUnavailableMiddleware(lambda r: None).process_exception(
            rf.get(f"/{lang}/assistant/answer.json", {"q": "loans"}), OperationalError("down")
        )
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "30"
    assert json.loads(response.content)["error"]


def test_an_api_path_gets_json_errors(rf, django_db_blocker):
    with django_db_blocker.block():
        response = DatabaseUnavailableMiddleware(lambda r: None).process_exception(
            rf.get("/api/v1/schemes/"), OperationalError("down")
        )
    # The open data API's errors are problems (RFC 9457), JSON too.
    assert response["Content-Type"].startswith("application/problem+json")
    assert json.loads(response.content)["status"] == 503
