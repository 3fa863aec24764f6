"""Finding 6: database down is a 503 in the page's language; the 500 page keeps the language."""

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError

from portal.errors import DatabaseUnavailableMiddleware, server_error


def unavailable(request):
    return DatabaseUnavailableMiddleware(lambda r: None).process_exception(
        request, OperationalError("connection refused")
    )


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/en/schemes/", "en", "Sorry, the service is unavailable"),
        ("/tc/schemes/", "zh-Hant-HK", "對不起，服務暫時未能提供"),
        ("/sc/schemes/", "zh-Hans", "对不起，服务暂时未能提供"),
    ],
)
def test_database_down_is_a_503_in_the_page_language(rf, django_db_blocker, path, lang, heading):
    with django_db_blocker.block():  # rendering it touches no database
        response = unavailable(rf.get(path))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == lang
    assert soup.h1.get_text(strip=True) == heading
    assert soup.find(style=True) is None and soup.find("style") is None
    if lang == "zh-Hans":
        assert soup.find("a", href="/sc/schemes/")  # links stay under /sc/


def test_database_error_met_outside_a_view_is_a_503_too(rf, django_db_blocker):
    with django_db_blocker.block():
        try:
            raise OperationalError("server closed the connection")
        except OperationalError:
            response = server_error(rf.get("/tc/events/"))
    assert response.status_code == 503
    assert response["Retry-After"]


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/en/", "Sorry, there is a problem with the service"),
        ("/tc/", "對不起，服務出現問題"),
        ("/sc/", "对不起，服务出现问题"),
    ],
)
def test_500_page_is_in_the_page_language(rf, django_db_blocker, path, heading):
    with django_db_blocker.block():
        try:
            raise ValueError("a bug")
        except ValueError:
            response = server_error(rf.get(path))
    assert response.status_code == 500
    assert BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True) == heading


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/en/nowhere/", "Page not found"),
        ("/tc/nowhere/", "找不到網頁"),
        ("/sc/nowhere/", "找不到网页"),
    ],
)
def test_404_page_is_in_the_page_language_and_converted_on_sc(client, path, heading):
    response = client.get(path)
    assert response.status_code == 404
    assert BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True) == heading


@pytest.mark.django_db
def test_a_huge_page_number_or_too_many_fields_is_no_server_error(client):
    assert client.get("/en/schemes/", {"page": "9" * 5000}).status_code < 500
    too_many = "&".join(f"f{n}=1" for n in range(1100))
    assert client.get(f"/en/schemes/?{too_many}").status_code == 400
