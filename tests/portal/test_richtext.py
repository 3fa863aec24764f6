import pytest
from django.utils import translation

from portal.richtext import sanitize_html
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
@pytest.mark.parametrize("active", ["en", "zh-hant", "zh-hans"])
def test_saving_keeps_an_empty_language_empty_whatever_language_is_active(active):
    with translation.override(active):
        english_only = make_organisation(description_en="<p>English</p>")
        chinese_only = make_organisation(description_zh_hant="<p>中文</p>")
    english_only.refresh_from_db()
    chinese_only.refresh_from_db()
    assert not english_only.description_zh_hant
    assert not chinese_only.description_en
