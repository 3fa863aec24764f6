"""Reflow (1.4.10), text resize (1.4.4) and text spacing (1.4.12), measured in the browser.

Overrides go in through the CSS Object Model (an adopted stylesheet, a CDP font-size setting),
which the production Content-Security-Policy allows, so pages are checked under their real CSP.
"""

# The WCAG 1.4.12 values, as the usual text-spacing bookmarklet applies them.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

APPLY_TEXT_SPACING_JS = """(css) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""

# Elements whose content overflows their box; scrolling regions and hidden helpers excepted.
OVERFLOW_JS = """() => {
  const found = [];
  const name = (el) => `<${el.tagName.toLowerCase()} class="${el.className}">`
    + ` ${JSON.stringify((el.innerText || '').trim().slice(0, 40))}`;
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.visually-hidden, .table-scroll, .skip-link:not(:focus)')) continue;
    const s = getComputedStyle(el);
    // The visually hidden pattern, applied at some widths only (a heading a phone's
    // disclosure button already says), clips by design.
    if (s.position === 'absolute' && s.clipPath === 'inset(50%)') continue;
    if (['none', 'inline', 'contents'].includes(s.display) || !el.getClientRects().length) continue;
    const scrolls = (value) => value === 'auto' || value === 'scroll';
    const overX = el.scrollWidth > el.clientWidth + 1 && !scrolls(s.overflowX);
    const overY = el.scrollHeight > el.clientHeight + 1 && !scrolls(s.overflowY);
    if (overX || overY) {
      const clipped = ['hidden', 'clip'].includes(overX ? s.overflowX : s.overflowY);
      found.push(`${name(el)} ${clipped ? 'clips' : 'spills'} its content `
        + `(${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
    }
  }
  return found;
}"""

# What sticks out past the viewport's right edge, outside table scroll regions.
WIDE_ELEMENTS_JS = """() => {
  const width = document.documentElement.clientWidth;
  return {scrollWidth: document.documentElement.scrollWidth, width,
    wide: Array.from(document.body.querySelectorAll('*'))
      .filter((el) => !el.closest('.table-scroll, .visually-hidden')
        && el.getBoundingClientRect().right > width + 1)
      .slice(-5).map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`)};
}"""


def horizontal_scroll_problems(page) -> list[str]:
    measured = page.evaluate(WIDE_ELEMENTS_JS)
    if measured["scrollWidth"] <= measured["width"]:
        return []
    return [
        f"scrolls sideways: {measured['scrollWidth']} px wide in {measured['width']} px, "
        f"because of {measured['wide']}"
    ]


def overflow_problems(page) -> list[str]:
    return page.evaluate(OVERFLOW_JS)


def apply_text_spacing(page) -> None:
    page.evaluate(APPLY_TEXT_SPACING_JS, TEXT_SPACING_CSS)
    spacing = page.evaluate("() => getComputedStyle(document.body).wordSpacing")
    assert spacing not in ("0px", "normal"), "text spacing not applied"


def layout_problems(page) -> list[str]:
    """Sideways scrolling and overflowing content, then again with WCAG text spacing."""
    found = horizontal_scroll_problems(page) + overflow_problems(page)
    apply_text_spacing(page)
    spaced = horizontal_scroll_problems(page) + overflow_problems(page)
    return found + [f"with text spacing: {problem}" for problem in spaced]


def set_text_size(page, percent: int) -> None:
    """Like the browser's text-size setting: the default font size, not a page zoom."""
    session = page.context.new_cdp_session(page)
    session.send(
        "Page.setFontSizes",
        {"fontSizes": {"standard": 16 * percent // 100, "fixed": 13 * percent // 100}},
    )
    session.detach()
    size = page.evaluate("() => getComputedStyle(document.documentElement).fontSize")
    assert size == f"{16 * percent // 100}px", f"text size not applied: {size}"


# Where the site's name, the first section link and the page's h1 start: one left edge.
LEFT_EDGES_JS = """() => {
  const left = (selector) => {
    const element = document.querySelector(selector);
    return element ? Math.round(element.getBoundingClientRect().left) : null;
  };
  return {"site name": left('.site-header__name'), "navigation": left('.primary-nav__link'),
    "breadcrumbs": left('.breadcrumbs__list'), "page": left('main h1')};
}"""


def alignment_problems(page) -> list[str]:
    """The header, the navigation and the page start at the same left edge (within 1 px)."""
    edges = {name: left for name, left in page.evaluate(LEFT_EDGES_JS).items() if left is not None}
    page_left = edges.get("page")
    return [
        f"{name} starts at {left} px, the page at {page_left} px"
        for name, left in edges.items()
        if page_left is not None and abs(left - page_left) > 1
    ]
