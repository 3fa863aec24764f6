"""The crawl's checks catch what they claim to: each one on a page known to be wrong.

A check that passes every page of the site proves nothing unless it fails a bad one.
"""

import pytest
from bs4 import BeautifulSoup

from portal.i18n.languages import ENGLISH, TRADITIONAL
from tests.browser import colours, degraded, html_checks, keyboard, layout

SWITCHER = """<nav class="language-switcher" aria-label="Language"><ul>
  <li><a href="/en/" hreflang="en" lang="en">English</a></li>
  <li><a href="/tc/" hreflang="zh-Hant-HK" lang="zh-Hant-HK">繁體中文</a></li>
  <li><a href="/sc/" hreflang="zh-Hans" lang="zh-Hans">简体中文</a></li></ul></nav>"""
SHELL = """<!DOCTYPE html><html lang="{lang}"><head><title>t</title>
<style>
  .skip-link {{ position: absolute; left: -9999em; }} .skip-link:focus {{ position: static; }}
  a:focus-visible {{ background: #fd0; box-shadow: 0 4px #0b0c0c; }}
</style></head>
<body><a class="skip-link" href="#main">Skip to main content</a>
<header><a href="/">Support for SMEs</a><div class="header-tools">
<form class="header-search" role="search" action="/s"><label for="hq">Search the site</label>
<input id="hq" name="q" type="search"><button>Search</button></form>
<a class="assistant-toggle" href="/a">Ask a question</a>{switcher}</div>
<nav class="primary-nav" aria-label="Main"><ul><li><a href="/s">Schemes</a></li></ul></nav>
</header><main id="main" tabindex="-1">{main}</main>
<footer><nav aria-label="Site information"><ul><li><a href="/n">Notices</a></li></ul></nav>
</footer></body></html>"""


def shell(main="<h1>Title</h1>", lang="en", switcher=SWITCHER):
    return SHELL.format(lang=lang, main=main, switcher=switcher)


def soup(html):
    return BeautifulSoup(html, "html.parser")


def test_a_sound_page_passes_every_html_check():
    page = soup(
        shell(
            main='<h1>T</h1><h2>S</h2><form><label for="q">Q</label>'
            '<input id="q" name="q"><button>Search</button></form>'
            '<p role="status">4 schemes</p>'
        )
    )
    assert html_checks.language_problems(page, ENGLISH) == []
    assert {name: check(page) for name, check in html_checks.ALL_CHECKS.items()} == {
        name: [] for name in html_checks.ALL_CHECKS
    }


@pytest.mark.parametrize(
    ("html", "language", "problem"),
    [
        (shell(lang="zh-Hant-HK"), ENGLISH, '<html lang="zh-Hant-HK">, expected "en"'),
        (shell(main="<h1>Title</h1><p>工業貿易署</p>"), ENGLISH, "Chinese text not marked"),
        (
            shell(main="<h1>標題</h1><p>Trade and Industry</p>", lang="zh-Hant-HK"),
            TRADITIONAL,
            "English text not marked",
        ),
        (shell(switcher=SWITCHER.replace(' lang="en"', "")), ENGLISH, "switcher entry 'English'"),
        (shell(main='<h1>T</h1><p lang="en">工業貿易署</p>'), ENGLISH, 'lang="en" on Chinese'),
    ],
)
def test_language_check_finds_unmarked_and_mismarked_text(html, language, problem):
    assert problem in " | ".join(html_checks.language_problems(soup(html), language))


@pytest.mark.parametrize(
    ("check", "main", "problem"),
    [
        ("headings", "<h2>No h1</h2>", "0 h1 elements"),
        ("headings", "<h1>A</h1><h3>Skipped</h3>", "h1 followed by h3"),
        ("landmarks", "<h1>T</h1><nav><a href='/x'>X</a></nav>", "without aria-label"),
        ("landmarks", "<h1>T</h1><nav aria-label='Main'></nav>", "several <nav> landmarks"),
        ("link names", "<h1>T</h1><a href='/x'>Read more</a>", "link named only 'Read more'"),
        ("link names", "<h1>T</h1><a href='/x'>詳情</a>", "link named only"),
        ("link names", "<h1>T</h1><a href='/x'><img src='i.png' alt=''></a>", "link without"),
        ("tables", "<h1>T</h1><table><tr><th>A</th></tr></table>", "no caption"),
        (
            "tables",
            "<h1>T</h1><table><caption>C</caption><tr><th>A</th></tr></table>",
            "without scope",
        ),
        (
            "tables",
            "<h1>T</h1><table><caption>C</caption><tr><th scope=col>A</th></tr></table>",
            "not inside",
        ),
        ("forms", "<h1>T</h1><form><input name=q><button>Go</button></form>", "has no label"),
        ("forms", "<h1>T</h1><form><label>Q <input name=q></label></form>", "no submit button"),
        (
            "forms",
            "<h1>T</h1><form><label>Q <input name=q aria-invalid=true></label>"
            "<p class='error-message' id='e'>Enter a word</p><button>Go</button></form>",
            "not tied to its error message",
        ),
        ("id references", "<h1>T</h1><p aria-describedby='gone'>x</p>", "points at no element"),
        ("id references", "<h1 id='x'>T</h1><p id='x'>x</p>", 'id="x" used 2 times'),
        (
            "result count",
            "<h1>T</h1><form><label>Q <input name=q></label><button>Go</button></form>",
            'no role="status"',
        ),
        ("colour alone", "<h1>T</h1><span class='scheme-status--open'></span>", "without text"),
    ],
)
def test_html_checks_find_what_they_look_for(check, main, problem):
    assert problem in " | ".join(html_checks.ALL_CHECKS[check](soup(shell(main=main))))


def test_help_check_finds_the_assistant_link_missing_from_the_header():
    page = shell().replace('<a class="assistant-toggle" href="/a">Ask a question</a>', "")
    assert "not in its place" in " | ".join(html_checks.help_problems(soup(page)))


def test_a_table_in_a_labelled_focusable_region_passes():
    table = (
        '<div class="table-scroll" tabindex="0" role="region" aria-labelledby="c">'
        '<table><caption id="c">Amounts</caption><tr><th scope="col">A</th></tr></table></div>'
    )
    assert html_checks.table_problems(soup(shell(main=f"<h1>T</h1>{table}"))) == []


def test_contrast_matches_the_wcag_formula():
    assert round(colours.contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    assert round(colours.contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)"), 2) == 4.54
    assert colours.over("rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)") == "rgb(128, 128, 128)"


@pytest.fixture
def blank_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


def test_keyboard_checks_find_a_missing_focus_style_and_a_reordered_tab(blank_page, tmp_path):
    html = shell(main='<h1>T</h1><a href="/a" class="plain">A</a><a href="/b" tabindex="2">B</a>')
    html = html.replace(
        "</style>",
        ".plain:focus-visible { outline: none; background: none; box-shadow: none; }</style>",
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    walk = keyboard.tab_walk(blank_page, path.as_uri())
    assert "positive tabindex" in " | ".join(keyboard.order_problems(walk))
    assert '<a> "A" shows no focus indicator' in keyboard.focus_problems(walk)


def test_tab_order_check_takes_a_radio_group_as_one_stop(blank_page, tmp_path):
    radios = "".join(
        f'<label><input type="radio" name="often" value="{value}"{checked}> {value}</label>'
        for value, checked in (("daily", ""), ("weekly", " checked"), ("monthly", ""))
    )
    path = tmp_path / "page.html"
    path.write_text(shell(main=f"<h1>T</h1><form>{radios}<button>Go</button></form>"), "utf-8")
    walk = keyboard.tab_walk(blank_page, path.as_uri())
    assert [stop.name for stop in walk.stops if stop.region == "main"] == [
        '<input> "weekly"',
        '<button> "Go"',
    ]
    assert keyboard.order_problems(walk) == []


def test_focus_check_finds_a_skip_link_that_stays_off_screen(blank_page, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(shell().replace("position: static;", ""), encoding="utf-8")
    walk = keyboard.tab_walk(blank_page, path.as_uri())
    assert "focused off screen" in " | ".join(keyboard.focus_problems(walk))


def test_layout_checks_find_sideways_scroll_and_clipped_text(blank_page):
    blank_page.set_content(
        '<div style="width: 600px">wide</div>'
        '<p style="height: 1.2em; overflow: hidden">'
        "A paragraph long enough to wrap onto a second line at 320 px wide.</p>"
    )
    assert "scrolls sideways" in " ".join(layout.horizontal_scroll_problems(blank_page))
    assert "clips its content" in " ".join(layout.overflow_problems(blank_page))


def test_css_off_check_finds_content_before_the_skip_link(blank_page, tmp_path):
    html = shell().replace("<body>", '<body><p><a href="/promo">Promotion</a></p>')
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    assert "the skip link is not the first thing read" in degraded.css_off_problems(
        blank_page, path.as_uri()
    )


@pytest.mark.parametrize(("status", "problems"), [(200, 0), (500, 1)])
def test_javascript_off_check_submits_get_forms(browser, status, problems):
    context = browser.new_context(java_script_enabled=False)
    form = shell(
        main='<h1>T</h1><form action="/results"><label for="q">Q</label>'
        '<input id="q" name="q"><button>Search</button></form>'
    )

    def serve(route):
        found = route.request.url.startswith("http://site.test/results")
        route.fulfill(
            status=status if found else 200,
            content_type="text/html",
            body=shell() if found else form,
        )

    context.route("http://site.test/**", serve)
    found = degraded.js_off_problems(context.new_page(), "http://site.test/form", 200)
    context.close()
    assert len(found) == problems, found
