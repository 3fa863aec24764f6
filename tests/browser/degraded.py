"""Pages with their stylesheets blocked, and with JavaScript off, still read and work."""

from urllib.parse import urlsplit

READING_ORDER_JS = """() => {
  // Without CSS the page reads top to bottom: where each part starts on screen.
  const at = (selector) => {
    const el = document.querySelector(selector);
    return el && el.innerText.trim() ? el.getBoundingClientRect().top + window.scrollY : -1;
  };
  const navs = Array.from(document.querySelectorAll('nav'));
  return {
    skip: at('.skip-link'), header: at('header'), h1: at('main h1'), footer: at('footer'),
    firstLinkIsSkip: document.querySelector('a') === document.querySelector('.skip-link'),
    skipVisible: document.querySelector('.skip-link')?.getBoundingClientRect().height > 0,
    navsAsLists: navs.every((nav) => Array.from(nav.querySelectorAll('a'))
      .every((a) => a.closest('li') && getComputedStyle(a.closest('li')).display === 'list-item')),
    // Links in a closed disclosure are one click away, without CSS too.
    hiddenLinks: Array.from(document.querySelectorAll('a[href]'))
      .filter((a) => !a.getClientRects().length && !a.closest('details:not([open])'))
      .map((a) => a.getAttribute('href')),
  };
}"""


def css_off_problems(page, url: str) -> list[str]:
    """With no CSS: skip link first and visible, header, h1 then footer, navs as lists."""
    page.goto(url)
    order = page.evaluate(READING_ORDER_JS)
    # The browser's own 8 px body margin shows our stylesheet did not apply.
    assert page.evaluate("() => getComputedStyle(document.body).marginTop") == "8px"
    problems = []
    if not (order["firstLinkIsSkip"] and order["skipVisible"] and order["skip"] <= order["header"]):
        problems.append("the skip link is not the first thing read")
    if not 0 <= order["skip"] <= order["header"] < order["h1"] < order["footer"]:
        problems.append(f"reading order header/h1/footer is {order}")
    if not order["navsAsLists"]:
        problems.append("navigation links are not list items")
    if order["hiddenLinks"]:
        problems.append(f"links invisible without CSS: {order['hiddenLinks']}")
    return problems


def js_off_problems(page, url: str, status: int) -> list[str]:
    """With no JavaScript: the page loads with its content, and its GET forms submit."""
    response = page.goto(url)
    problems = [] if response.status == status else [f"status {response.status}"]
    if not page.locator("main h1").first.is_visible():
        problems.append("no visible h1 in main")
    # Read every form here, on this page: each submission below leaves it.
    forms = [
        ((form.get_attribute("method") or "get").lower(), form.get_attribute("action"))
        for form in page.locator("form").all()
    ]
    for number, (method, action) in enumerate(forms):
        action = urlsplit(action or url).path or urlsplit(url).path
        if method != "get":
            continue
        page.goto(url)
        submit = (
            page.locator("form")
            .nth(number)
            .locator(
                "button:not([type]), button[type=submit], input[type=submit], input[type=image]"
            )
        )
        with page.expect_navigation() as navigation:
            submit.first.click()
        landed = urlsplit(page.url)
        # A page's own form may be rejected (400, its page showing the error): sent as it is,
        # it carries an empty question or the bad answers the page kept. The form still
        # worked. Any other form must lead to a page.
        wanted = (200, 400) if action == urlsplit(url).path else (200,)
        if landed.path != action or navigation.value.status not in wanted:
            problems.append(
                f"form {number + 1} did not submit to {action}: "
                f"{navigation.value.status} at {page.url}"
            )
        elif not page.locator("main h1").first.is_visible():
            problems.append(f"form {number + 1} leads to a page without a visible h1")
    return problems
