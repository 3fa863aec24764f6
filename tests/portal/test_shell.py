"""The site shell every page shares: lang, skip link, switcher, navigation, alternates."""

import pytest
from django.utils import translation

from portal.errors import server_error

pytestmark = pytest.mark.django_db  # pages read content, /sc/ pages their overrides

PAGES = ["", "schemes/", "events/", "notices/"]
HTML_LANG = {"en": "en", "tc": "zh-Hant-HK", "sc": "zh-Hans"}


@pytest.mark.parametrize("prefix", HTML_LANG)
@pytest.mark.parametrize("page", PAGES)
def test_page_shell(get_page, prefix, page):
    _, soup = get_page(f"/{prefix}/{page}")
    assert soup.html["lang"] == HTML_LANG[prefix]
    assert len(soup.find_all("h1")) == 1
    first_link = soup.body.find(["a", "button", "input", "select", "textarea"])
    assert first_link["href"] == "#main-content"
    assert soup.find("main")["id"] == "main-content"
    assert soup.find("header") and soup.find("footer")
    # Only our own script files (the assistant panel), nothing inline.
    for script in soup.find_all("script"):
        assert script["src"].startswith("/static/") and not script.string
    assert soup.find_all(style=True) == [] and soup.find_all("style") == []


@pytest.mark.parametrize("prefix", HTML_LANG)
def test_switcher_leads_to_the_same_page_and_query(get_page, prefix):
    _, soup = get_page(f"/{prefix}/schemes/?q=loan")
    switcher = soup.find("nav", attrs={"aria-label": True, "class": "language-switcher"})
    links = {a["hreflang"]: a for a in switcher.find_all("a")}
    assert set(links) == set(HTML_LANG.values()) - {HTML_LANG[prefix]}
    for other, lang in HTML_LANG.items():
        if other != prefix:
            assert links[lang]["href"] == f"/{other}/schemes/?q=loan"
            assert links[lang]["lang"] == lang
            assert links[lang]["rel"] == ["alternate"]
    current = switcher.find(attrs={"aria-current": "true"})
    assert current["lang"] == HTML_LANG[prefix]
    assert current.name != "a"


def test_switcher_names_each_language_in_itself(get_page):
    _, soup = get_page("/en/")
    names = [item.get_text(strip=True) for item in soup.select(".language-switcher li")]
    assert names == ["English", "繁體中文", "简体中文"]


@pytest.mark.parametrize("prefix", HTML_LANG)
def test_hreflang_alternates_in_head(get_page, prefix):
    _, soup = get_page(f"/{prefix}/events/")
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup.head.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {
        "en": "http://testserver/en/events/",
        "zh-Hant-HK": "http://testserver/tc/events/",
        "zh-Hans": "http://testserver/sc/events/",
        "x-default": "http://testserver/en/events/",
    }


def test_home_x_default_is_the_negotiating_root(get_page):
    _, soup = get_page("/tc/")
    assert soup.head.find("link", hreflang="x-default")["href"] == "http://testserver/"


@pytest.mark.parametrize(
    ("path", "current", "value"),
    [
        ("/en/schemes/", "/en/schemes/", "page"),
        ("/tc/events/", "/tc/events/", "page"),
        ("/en/", None, None),
    ],
)
def test_primary_navigation_marks_the_current_section(get_page, path, current, value):
    _, soup = get_page(path)
    nav = soup.find("nav", class_="primary-nav")
    marked = nav.find_all(attrs={"aria-current": True})
    if current is None:
        assert marked == []
    else:
        assert [(a["href"], a["aria-current"]) for a in marked] == [(current, value)]


def test_navigation_labels_are_translated(get_page):
    _, soup = get_page("/tc/")
    labels = [a.get_text(strip=True) for a in soup.select(".primary-nav a")]
    assert labels == ["資助計劃", "活動日誌", "重要告示"]
    assert soup.find("a", class_="skip-link").get_text() == "跳至主要內容"


@pytest.mark.parametrize(("prefix", "lang"), HTML_LANG.items())
def test_404_page_in_each_language(get_page, prefix, lang):
    response, soup = get_page(f"/{prefix}/no-such-page/", status=404)
    assert soup.html["lang"] == lang
    assert len(soup.find_all("h1")) == 1
    assert soup.find("a", class_="skip-link")


def test_500_page_renders_without_the_database(rf, django_db_blocker):
    request = rf.get("/tc/schemes/")
    with django_db_blocker.block(), translation.override("zh-hant"):
        response = server_error(request)
    assert response.status_code == 500
    assert '<html lang="zh-Hant-HK">' in response.content.decode()
    assert "對不起，服務出現問題" in response.content.decode()
