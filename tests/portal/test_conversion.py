"""OpenCC conversion of whole pages: what is converted, and what passes through untouched."""

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.i18n.conversion import SEPARATOR, Converter, convert_html

PLAIN = Converter()


def test_text_nodes_and_readable_attributes_are_converted():
    html = (
        '<p title="資助計劃">貸款 &amp; 保證</p><img src="/a.png" alt="圖表">'
        '<input name="q" placeholder="關鍵詞"><nav aria-label="語言"></nav>'
    )
    assert convert_html(html, PLAIN) == (
        '<p title="资助计划">贷款 &amp; 保证</p><img src="/a.png" alt="图表">'
        '<input name="q" placeholder="关键词"><nav aria-label="语言"></nav>'
    )


def test_a_template_a_script_shows_later_is_converted_as_the_page_is():
    html = (
        '<template id="t"><div data-url="/sc/資助/" aria-label="查詢助理">'
        '<p>關閉</p><span lang="zh-Hant">繁體</span><input value="貸款"></div></template>'
    )
    assert convert_html(html, PLAIN) == (
        '<template id="t"><div data-url="/sc/資助/" aria-label="查询助理">'
        '<p>关闭</p><span lang="zh-Hant">繁體</span><input value="貸款"></div></template>'
    )


@pytest.mark.parametrize(
    "html",
    [
        '<a href="/sc/資助/?q=貸款" hreflang="zh-Hans">x</a>',
        '<img src="/圖.png" srcset="/圖.png 2x" alt="">',
        '<form action="/sc/計劃/"></form>',
        '<div id="貸款" class="資助" data-term="貸款"></div>',
        '<input name="q" value="貸款">',
        "<textarea>貸款</textarea>",
        '<script>var term = "貸款";</script>',
        "<style>.x::after { content: '貸款'; }</style>",
        '<p translate="no">貸款<span>資助</span></p>',
        '<span lang="zh-Hant-HK">繁體中文</span>',
        '<p lang="zh-Hant">貸款<p>嵌套<b>繁體</b></p>資助</p>',
        '<meta property="og:url" content="https://example.hk/資助">',
        "<!-- 貸款 -->",
    ],
)
def test_markup_urls_values_and_marked_parts_pass_through_unchanged(html):
    assert convert_html(html, PLAIN) == html


def test_marked_part_ends_where_its_element_ends():
    html = '<div lang="zh-Hant-HK">繁體<div>內層</div>仍是繁體</div><p>貸款</p>'
    assert convert_html(html, PLAIN) == (
        '<div lang="zh-Hant-HK">繁體<div>內層</div>仍是繁體</div><p>贷款</p>'
    )


def test_meta_description_and_open_graph_text_are_converted():
    html = (
        '<meta name="description" content="資助計劃">'
        '<meta property="og:title" content="貸款保證">'
        '<meta property="og:image" content="/圖.png">'
    )
    assert convert_html(html, PLAIN) == (
        '<meta name="description" content="资助计划">'
        '<meta property="og:title" content="贷款保证">'
        '<meta property="og:image" content="/圖.png">'
    )


def test_json_ld_strings_are_converted_but_not_urls():
    data = {"@type": "GovernmentService", "name": "貸款保證", "url": "https://x.hk/資助"}
    text = json.dumps(data, ensure_ascii=False, indent=2)
    html = f'<script type="application/ld+json">{text}</script>'
    body = re.search(r">(.*)</script>", convert_html(html, PLAIN), re.DOTALL).group(1)
    assert body == text.replace("貸款保證", "贷款保证")  # same layout, only the prose changed
    assert json.loads(body) == {
        "@type": "GovernmentService",
        "name": "贷款保证",
        "url": "https://x.hk/資助",
    }


def test_json_ld_stays_safe_inside_script():
    html = '<script type="application/ld+json">{"name": "&lt;/script&gt;", "x": "a<b"}</script>'
    assert "</script>" not in convert_html(html, PLAIN)[:-9]


def test_hong_kong_variants_use_hk2s_not_t2s():
    assert convert_html("<p>食物環境衞生署 熱綫</p>", PLAIN) == "<p>食物环境卫生署 热线</p>"


def test_overrides_win_over_opencc():
    keep = Converter((("赤鱲角", "赤鱲角"), ("資訊科技", "信息技术")))
    assert PLAIN.convert("赤鱲角") != "赤鱲角"
    assert keep.convert("往赤鱲角機場的資訊科技") == "往赤鱲角机场的信息技术"


def test_longer_override_wins_over_a_shorter_one_inside_it():
    converter = Converter((("機場", "机场(短)"), ("赤鱲角機場", "香港国际机场")))
    assert converter.convert("赤鱲角機場") == "香港国际机场"


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300))
def test_any_text_converts_without_error(text):
    html = f"<p title='{text}'>{text}</p><p>{SEPARATOR}貸款</p>"
    converted = convert_html(html, PLAIN)
    assert converted.endswith(f"<p>{SEPARATOR}贷款</p>")
