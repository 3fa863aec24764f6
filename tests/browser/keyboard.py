"""Walk a page with the Tab key as a keyboard user does, and judge what they would see.

`tab_walk` records every stop once; the checks read the walk, so one walk serves the order,
focus visibility, contrast and trap checks.
"""

from dataclasses import dataclass

from tests.browser import colours

# Shared by the JavaScript below: what a stop looks like, and where it sits in the shell.
_HELPERS = """
const all = () => Array.from(document.querySelectorAll('*'));
const region = (el) => el.closest('.skip-link') ? 'skip link'
  : el.closest('.language-switcher') ? 'language switcher'
  : el.closest('.primary-nav') ? 'navigation'
  : el.closest('header') && !el.closest('main') ? 'header'
  : el.closest('main') ? 'main'
  : el.closest('footer') ? 'footer' : 'other';
const surrounding = (el) => {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (!/rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent') return colour;
  }
  return 'rgb(255, 255, 255)';
};
const look = (el) => {
  const s = getComputedStyle(el);
  return {outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
    outlineColour: s.outlineColor, boxShadow: s.boxShadow, background: s.backgroundColor,
    colour: s.color, borderWidth: parseFloat(s.borderTopWidth), borderColour: s.borderTopColor,
    surrounding: surrounding(el)};
};
// A radio group is one Tab stop (arrow keys move within it): its checked radio, or the
// first when none is checked.
const tabStop = (el) => {
  if (el.type !== 'radio' || !el.name) return true;
  const group = Array.from(document.querySelectorAll('input[type=radio]'))
    .filter((other) => other.name === el.name && other.form === el.form);
  const checked = group.find((other) => other.checked);
  return checked ? checked === el : group[0] === el;
};
const describe = (el) => {
  const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim();
  return `<${el.tagName.toLowerCase()}> ${JSON.stringify(text.slice(0, 40))}`;
};
"""

TABBABLE_JS = f"""() => {{ {_HELPERS}
  const selector = 'a[href], area[href], button, input, select, textarea, summary, iframe, '
    + '[tabindex], [contenteditable="true"]';
  const elements = all();
  return Array.from(document.querySelectorAll(selector))
    // checkVisibility(): not in a closed <details> either, which keeps its content's boxes.
    .filter((el) => !el.disabled && el.tabIndex >= 0 && el.type !== 'hidden'
      && el.getClientRects().length && el.checkVisibility({{visibilityProperty: true}}))
    .map((el) => ({{index: elements.indexOf(el), name: describe(el), region: region(el),
      positiveTabindex: el.tabIndex > 0, tabStop: tabStop(el), look: look(el),
      control: el.matches('input, select, textarea, button')}}));
}}"""

ACTIVE_JS = f"""() => {{ {_HELPERS}
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const box = el.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
    && box.left < innerWidth && box.top < innerHeight;
  return {{index: all().indexOf(el), name: describe(el), region: region(el), look: look(el),
    onScreen}};
}}"""

SHELL_ORDER = ("skip link", "header", "language switcher", "navigation", "main", "footer")


@dataclass
class Stop:
    index: int
    name: str
    region: str
    unfocused: dict
    focused: dict
    on_screen: bool


@dataclass
class TabWalk:
    url: str
    expected: list[dict]  # tabbable elements in DOM order, unfocused (all radios of a group)
    stops: list[Stop]
    left_page: bool  # one Tab after the last stop left the document or went round to the top


def tab_walk(page, url: str) -> TabWalk:
    page.goto(url)
    expected = page.evaluate(TABBABLE_JS)
    unfocused = {element["index"]: element["look"] for element in expected}
    stops, seen, left_page = [], set(), False
    for _ in range(len(expected) + 3):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE_JS)
        if active is None:
            left_page = True
            break
        if active["index"] in seen:
            # Back at the first stop: focus went round the whole page, as browsers may do
            # when there is no browser interface to move to. Anywhere else is a loop.
            left_page = active["index"] == stops[0].index
            break
        seen.add(active["index"])
        stops.append(
            Stop(
                active["index"],
                active["name"],
                active["region"],
                unfocused.get(active["index"], {}),
                active["look"],
                active["onScreen"],
            )
        )
    return TabWalk(url, expected, stops, left_page)


def order_problems(walk: TabWalk) -> list[str]:
    """Skip link first, then header, switcher, navigation, main and footer in DOM order."""
    problems = [
        f"positive tabindex on {element['name']}"
        for element in walk.expected
        if element["positiveTabindex"]
    ]
    stops = [element for element in walk.expected if element["tabStop"]]
    got = [stop.index for stop in walk.stops]
    wanted = [element["index"] for element in stops]
    if got != wanted:
        problems.append(
            "Tab order differs from reading order: got "
            f"{[stop.name for stop in walk.stops]}, expected "
            f"{[element['name'] for element in stops]}"
        )
    regions = [stop.region for stop in walk.stops if stop.region in SHELL_ORDER]
    ranks = [SHELL_ORDER.index(region) for region in regions]
    if ranks != sorted(ranks):
        problems.append(f"regions reached out of order: {regions}")
    if not regions or regions[0] != "skip link":
        problems.append(f"first Tab stop is {walk.stops[0].name if walk.stops else 'nothing'}")
    problems += [
        f"no Tab stop in the {region}"
        for region in ("header", "language switcher", "navigation")
        if region not in regions
    ]
    if not walk.left_page:
        problems.append("Tab never leaves the page: a keyboard trap or a focus loop")
    return problems


def _indicators(stop: Stop) -> list[str]:
    """The colours that draw the focus indicator: a visible outline, new shadows, new fill."""
    before, after = stop.unfocused, stop.focused
    drawn = []
    if after["outlineStyle"] != "none" and after["outlineWidth"] > 0:
        drawn += [after["outlineColour"]] if colours.visible(after["outlineColour"]) else []
    if after["boxShadow"] != before.get("boxShadow"):
        drawn += colours.box_shadow_colours(after["boxShadow"])
    if after["background"] != before.get("background") and colours.visible(after["background"]):
        drawn.append(after["background"])
    return [colour for colour in drawn if colours.visible(colour)]


def focus_problems(walk: TabWalk) -> list[str]:
    """Every stop is on screen and shows an indicator (2.4.7); some part of the indicator
    contrasts 3:1 with its surroundings (1.4.11); text on a focus fill keeps 4.5:1 (1.4.3)."""
    problems = []
    for stop in walk.stops:
        if not stop.on_screen:
            problems.append(f"{stop.name} is focused off screen, where no one can see it")
        indicators = _indicators(stop)
        around = stop.focused["surrounding"]
        if not indicators:
            problems.append(f"{stop.name} shows no focus indicator")
            continue
        best = max(colours.contrast(colours.over(colour, around), around) for colour in indicators)
        if best < 3:
            problems.append(f"{stop.name}: focus indicator contrast {best:.1f}:1 on {around}")
        fill = stop.focused["background"]
        if fill != stop.unfocused.get("background") and colours.visible(fill):
            ratio = colours.contrast(stop.focused["colour"], colours.over(fill, around))
            if ratio < 4.5:
                problems.append(f"{stop.name}: focused text contrast {ratio:.1f}:1")
    return problems


def control_border_problems(walk: TabWalk) -> list[str]:
    """Form controls show their edge at 3:1 against their surroundings (1.4.11)."""
    problems = []
    for element in walk.expected:
        if not element["control"]:
            continue
        look = element["look"]
        around = look["surrounding"]
        edges = [look["background"]]
        if look["borderWidth"] > 0:
            edges.append(look["borderColour"])
        best = (
            max(
                colours.contrast(colours.over(edge, around), around)
                for edge in edges
                if colours.visible(edge)
            )
            if any(colours.visible(edge) for edge in edges)
            else 1.0
        )
        if best < 3:
            problems.append(f"{element['name']}: control edge contrast {best:.1f}:1 on {around}")
    return problems


def skip_link_problems(page, url: str) -> list[str]:
    """Activating the skip link moves focus to main; the next Tab starts inside main."""
    page.goto(url)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    focused = page.evaluate("() => document.activeElement.id")
    main_id = page.evaluate("() => document.querySelector('main').id")
    problems = [] if focused == main_id else [f"skip link left focus on #{focused}"]
    page.keyboard.press("Tab")
    after = page.evaluate(ACTIVE_JS)
    if after and after["region"] not in ("main", "footer"):
        problems.append(
            f"after the skip link, Tab went to {after['name']} in the {after['region']}"
        )
    return problems
