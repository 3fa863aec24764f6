import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix, set_urlconf
from django.utils import translation

from portal.i18n import languages
from portal.i18n.negotiation import negotiate, preferred_tags
from portal.i18n.urls import language_from_path, path_in_language, reverse_by_slug

pytestmark = pytest.mark.django_db  # pages read content, /sc/ pages their overrides

ACCEPT_LANGUAGE_LANDINGS = [
    ("zh-HK", "/tc/"),
    ("zh-TW", "/tc/"),
    ("zh-MO", "/tc/"),
    ("zh-Hant", "/tc/"),
    ("zh-Hant-HK", "/tc/"),
    ("zh_HK", "/tc/"),
    ("zh", "/tc/"),
    ("zh-CN", "/sc/"),
    ("zh-SG", "/sc/"),
    ("zh-Hans", "/sc/"),
    ("zh-Hans-CN", "/sc/"),
    ("en", "/en/"),
    ("en-GB", "/en/"),
    ("fr-FR", "/en/"),
    ("", "/en/"),
    ("*", "/en/"),
    ("garbage;;q=x,,", "/en/"),
    ("fr, zh-HK;q=0.8", "/tc/"),  # the first language we offer wins
    ("en;q=0.5, zh-CN;q=0.9", "/sc/"),  # by quality, not position
    ("zh-HK;q=0, en", "/en/"),  # q=0 means "not this"
]


@pytest.mark.parametrize(("accept_language", "landing"), ACCEPT_LANGUAGE_LANDINGS)
def test_root_redirects_by_accept_language(client, accept_language, landing):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == landing
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}


@pytest.mark.parametrize(
    ("cookie", "landing"), [("zh-hans", "/sc/"), ("zh-hant", "/tc/"), ("en", "/en/")]
)
def test_root_prefers_the_language_cookie(client, cookie, landing):
    client.cookies["django_language"] = cookie
    response = client.get("/", headers={"accept-language": "fr"})
    assert response["Location"] == landing


def test_root_ignores_an_unknown_cookie_value(client):
    client.cookies["django_language"] = "klingon"
    assert client.get("/", headers={"accept-language": "zh-TW"})["Location"] == "/tc/"


def test_root_keeps_the_query_string(client):
    response = client.get("/?utm_source=leaflet", headers={"accept-language": "en"})
    assert response["Location"] == "/en/?utm_source=leaflet"


def test_visiting_a_language_remembers_it_for_root(client):
    client.get("/sc/")
    assert client.get("/", headers={"accept-language": "en"})["Location"] == "/sc/"


@pytest.mark.parametrize(
    ("path", "status", "content_language"),
    [
        ("/en/", 200, "en"),
        ("/tc/", 200, "zh-Hant-HK"),
        ("/sc/", 200, "zh-Hans"),
        ("/zh-hant/", 404, None),
        ("/zh-hans/", 404, None),
        ("/fr/", 404, None),
        ("/EN/", 404, None),
        ("/en", 301, None),  # APPEND_SLASH
    ],
)
def test_prefixes(client, path, status, content_language):
    response = client.get(path)
    assert response.status_code == status
    assert response.headers.get("Content-Language") == content_language


def test_language_table_matches_the_product_card():
    assert [(lang.code, lang.prefix, lang.html_lang) for lang in languages.ALL] == [
        ("en", "en", "en"),
        ("zh-hant", "tc", "zh-Hant-HK"),
        ("zh-hans", "sc", "zh-Hans"),
    ]
    assert languages.STORED_CODES == ("en", "zh-hant")


@pytest.mark.parametrize(
    ("path", "prefix"),
    [("/tc/schemes/", "tc"), ("/sc/", "sc"), ("/en/x/y/", "en"), ("/sc", None), ("/", None)],
)
def test_language_from_path(path, prefix):
    language = language_from_path(path)
    assert (language.prefix if language else None) == prefix


@pytest.mark.parametrize(
    ("path", "target", "expected"),
    [
        ("/en/schemes/?q=loan", languages.TRADITIONAL, "/tc/schemes/?q=loan"),
        ("/sc/", languages.ENGLISH, "/en/"),
        ("/tc/events/2026/11/", languages.SIMPLIFIED, "/sc/events/2026/11/"),
        ("/nowhere/", languages.TRADITIONAL, "/tc/"),
    ],
)
def test_path_in_language(path, target, expected):
    assert path_in_language(path, target) == expected


def test_preferred_tags_orders_by_quality_then_position():
    assert preferred_tags("a;q=0.5, b, c;q=0.5, d;q=1") == ["b", "d", "a", "c"]


def test_negotiate_copes_with_a_huge_header():
    assert negotiate(cookie=None, accept_language="x," * 100_000).code == "en"


@pytest.mark.parametrize(
    ("code", "urlconf", "expected"),
    [
        ("en", None, "/en/events/a-b_9/"),
        ("zh-hant", None, "/tc/events/a-b_9/"),
        ("zh-hant", "portal.urls_simplified", "/sc/events/a-b_9/"),
    ],
)
def test_reverse_by_slug_is_reverse_in_every_language(code, urlconf, expected):
    set_urlconf(urlconf)
    try:
        with translation.override(code):
            assert reverse_by_slug("events:detail", "a-b_9") == expected
            assert reverse_by_slug("schemes:detail", "x") == reverse(
                "schemes:detail", kwargs={"slug": "x"}
            )
            set_script_prefix("/portal/")
            assert reverse_by_slug("events:detail", "a-b_9") == f"/portal{expected}"
    finally:
        set_script_prefix("/")
        set_urlconf(None)


def test_reverse_by_slug_leaves_what_is_no_slug_to_reverse():
    with pytest.raises(NoReverseMatch):
        reverse_by_slug("events:detail", "")
    with pytest.raises(NoReverseMatch):
        reverse_by_slug("events:detail", "a/b")
