import json

import pytest
from django.core.management import call_command
from django.utils import translation

from portal.richtext import sanitize_html
from portal.templatetags.content import rich_text
from tests.portal.factories import make_organisation

XSS_PAYLOADS = [
    "<script>alert(1)</script><p>ok</p>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<p onclick="alert(1)" style="color:red">x</p>',
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    "<p>a<!-- <script>alert(1)</script> --></p>",
    '<form action="https://evil.example"><input></form>',
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_sanitize_removes_unsafe_markup(payload):
    cleaned = sanitize_html(payload).lower()
    for unsafe in ("<script", "onerror", "onclick", "onload", "javascript:", "data:", "<iframe",
                   "<style", "style=", "<svg", "<form", "<!--"):  # fmt: skip
        assert unsafe not in cleaned


def test_sanitize_keeps_what_the_pages_style():
    html = (
        "<h3>Heading</h3><p>Text <strong>bold</strong> <em>it</em> <u>u</u> "
        '<a href="https://www.tid.gov.hk/">link</a> <a href="mailto:a@b.hk">mail</a> '
        '<a href="tel:+85223985133">call</a> <span lang="zh-Hant-HK">中文</span></p>'
        "<ul><li>one</li></ul><ol><li>two</li></ol>"
        '<table><caption>C</caption><thead><tr><th scope="col">H</th></tr></thead>'
        "<tbody><tr><td>D</td></tr></tbody></table>"
    )
    assert sanitize_html(html) == html


@pytest.mark.django_db
def test_rich_text_is_sanitized_when_saved():
    organisation = make_organisation(description_en='<p onclick="x()">Hi</p><script>x()</script>')
    organisation.refresh_from_db()
    assert organisation.description_en == "<p>Hi</p>"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_saving_keeps_an_empty_translation_empty(language):
    """The fallback text a translated field shows is not copied into the empty column."""
    with translation.override(language):
        organisation = make_organisation(description_en="", description_zh_hant="<p>中文</p>")
        organisation.refresh_from_db()
        assert organisation.description_en == ""
        organisation = make_organisation(description_en="<p>English</p>", description_zh_hant="")
        organisation.refresh_from_db()
        assert organisation.description_zh_hant == ""


@pytest.mark.django_db
@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payloads_loaded_from_fixtures_never_reach_the_public_page(client, tmp_path, payload):
    fixture = tmp_path / "organisation.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "portal.organisation",
                    "pk": 900,
                    "fields": {
                        "slug": "loaded",
                        "name_en": "Loaded",
                        "name_zh_hant": "載入",
                        "description_en": f"<p>Before</p>{payload}<p>After</p>",
                        "status": "published",
                        "created_at": "2026-01-01T00:00:00Z",
                        "updated_at": "2026-01-01T00:00:00Z",
                    },
                }
            ]
        )
    )
    call_command("loaddata", str(fixture), verbosity=0)
    page = client.get("/en/organisations/loaded/").content.decode().lower()
    assert "before" in page and "after" in page
    main = page.split('id="main-content"')[1]
    for unsafe in ("<script", "onerror", "onclick", "onload", "javascript:", "<iframe", "<svg",
                   "style=", "<form"):  # fmt: skip
        assert unsafe not in main


def test_rich_text_puts_each_table_in_a_labelled_scroll_region():
    html = rich_text(
        "<p>x</p><table><caption>Fees &amp; <em>tiers</em></caption><tr><td>1</td></tr></table>"
        "<table><tr><td>2</td></tr></table><script>alert(1)</script>"
    )
    assert html.count('<div class="table-scroll" role="region" tabindex="0"') == 2
    assert 'aria-label="Fees &amp; tiers"' in html
    assert 'aria-label="Table"' in html
    assert "<script" not in html
