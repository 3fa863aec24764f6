"""What a phone shows first, measured in the browser: main content in the first screen, and no
text box or button squeezed narrower than its own label.

`make screenshots` runs the same check with `SCREENSHOT_DIR` set: every page type is then also
saved as PNGs at 375 and 1280 px, with a table of where the first screen ends.
"""

import os
import re
from pathlib import Path

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}

# What must start within the first screen, by page type (the view name, before any query):
# the first match of the first selector present. Other pages: the first content after the h1.
FIRST_CONTENT = {
    "schemes:list": (".scheme-card", ".empty-state"),
    "schemes:check": (".eligibility-verdict",),
    "search": (".site-search__result",),
}

MEASURE_JS = """(selectors) => {
  const main = document.querySelector('main');
  const h1 = main.querySelector('h1');
  const top = (el) => Math.round(el.getBoundingClientRect().top + window.scrollY);
  const name = (el) => `<${el.tagName.toLowerCase()} class="${el.className}">`
    + ` ${JSON.stringify((el.innerText || el.value || '').trim().slice(0, 30))}`;
  const visible = (el) => el.checkVisibility({visibilityProperty: true})
    && !el.closest('.visually-hidden');
  const ownText = (el) => Array.from(el.childNodes)
    .some((node) => node.nodeType === 3 && node.textContent.trim());
  let content = null;
  for (const selector of selectors) {
    content = Array.from(main.querySelectorAll(selector)).find(visible);
    if (content) break;
  }
  if (!content) {
    const after = Array.from(main.querySelectorAll('*')).filter((el) => h1
      && (h1.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
      && !h1.contains(el));
    content = after.find((el) => visible(el) && (ownText(el) || el.matches('input, select, img')));
  }
  const count = document.querySelector('.finder__count');
  return {h1: h1 ? top(h1) : null, content: content ? top(content) : null,
    contentName: content ? name(content) : 'nothing', count: count ? top(count) : null,
    pageHeight: document.documentElement.scrollHeight};
}"""

# Text boxes and buttons at least as wide as their label (up to 12em, beyond which a long
# label wraps above its box): a search box squeezed to a sliver hides what it is for.
NARROW_CONTROLS_JS = """() => {
  const canvas = document.createElement('canvas').getContext('2d');
  const width = (text, el) => { canvas.font = getComputedStyle(el).font;
    return canvas.measureText(text.trim()).width; };
  const found = [];
  const controls = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), '
    + 'select, textarea, button, a.button';
  for (const el of document.querySelectorAll(controls)) {
    if (!el.checkVisibility() || el.closest('.visually-hidden')) continue;
    const s = getComputedStyle(el);
    const inner = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    const isButton = el.matches('button, a.button, input[type=submit], input[type=button]');
    const label = isButton ? null : (el.labels && el.labels[0]);
    const text = isButton ? (el.innerText || el.value || '')
      : (label && label.innerText) || el.getAttribute('aria-label') || el.placeholder || '';
    const font = label && label.getClientRects().length && !label.closest('.visually-hidden')
      ? label : el;
    const needed = Math.min(width(text, font), 12 * parseFloat(s.fontSize));
    if (inner + 1 < needed) {
      found.push(`<${el.tagName.toLowerCase()}> ${JSON.stringify(text.trim().slice(0, 30))} `
        + `is ${Math.round(inner)} px wide inside, its label needs ${Math.round(needed)} px`);
    }
  }
  return found;
}"""


def first_content_selectors(page_type: str) -> tuple[str, ...]:
    return FIRST_CONTENT.get(page_type.partition("?")[0], ())


def measure(page, page_type: str) -> dict:
    """Where the h1, the first main content and the finder's count start, in px."""
    return page.evaluate(MEASURE_JS, list(first_content_selectors(page_type)))


def first_screen_problems(page, page_type: str) -> list[str]:
    """At the page's current viewport: main content starts within the first screen, and every
    text box and button is as wide as its label."""
    found = measure(page, page_type)
    screen = page.viewport_size["height"]
    problems = []
    if found["content"] is None or found["content"] >= screen:
        problems.append(
            f"the first screen ({screen} px) holds no main content: {found['contentName']} "
            f"starts at {found['content']} px"
        )
    return problems + page.evaluate(NARROW_CONTROLS_JS)


def screenshot_directory() -> Path | None:
    directory = os.environ.get("SCREENSHOT_DIR")
    return Path(directory) if directory else None


def screenshot_name(page_type: str, prefix: str, width: int, status: int = 200) -> str:
    """e.g. "schemes-list-q-tc-375.png" for the finder with a query, in Traditional Chinese;
    "schemes-list-q-400-en-375.png" for the page refusing a query."""
    kind = re.sub(r"[^a-z0-9]+", "-", page_type.lower()).strip("-")
    kind = kind if status == 200 else f"{kind}-{status}"
    return f"{kind}-{prefix}-{width}.png"


def save_screenshots(page, crawled, url: str, directory: Path) -> str:
    """Full-page PNGs at phone and desktop width; returns the measurements, a line each."""
    page_type, prefix = crawled.page_type, crawled.language.prefix
    lines = []
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        page.goto(url)
        name = screenshot_name(page_type, prefix, viewport["width"], crawled.status)
        page.screenshot(path=directory / name, full_page=True)
        found = measure(page, page_type)
        lines.append(
            f"{name:<56} h1 {found['h1']!s:>5}  content {found['content']!s:>5}  "
            f"count {found['count']!s:>5}  height {found['pageHeight']:>6}  {found['contentName']}"
        )
    page.set_viewport_size(PHONE)
    return "\n".join(lines)
