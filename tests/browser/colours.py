"""WCAG contrast between computed CSS colours ("rgb(…)" / "rgba(…)" from getComputedStyle)."""

import re

NUMBER = re.compile(r"[\d.]+")


def parse(colour: str) -> tuple[float, float, float, float]:
    """(r, g, b, alpha) from a computed colour; transparent is alpha 0."""
    values = [float(number) for number in NUMBER.findall(colour)]
    if not colour.startswith("rgb") or len(values) < 3:
        return (0, 0, 0, 0)
    return (*values[:3], values[3] if len(values) > 3 else 1.0)


def over(colour: str, background: str) -> str:
    """A translucent colour as seen over an opaque background."""
    r, g, b, alpha = parse(colour)
    br, bg, bb, _ = parse(background)
    mix = [alpha * top + (1 - alpha) * bottom for top, bottom in ((r, br), (g, bg), (b, bb))]
    return "rgb({:.0f}, {:.0f}, {:.0f})".format(*mix)


def luminance(colour: str) -> float:
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b, _ = parse(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def visible(colour: str) -> bool:
    return parse(colour)[3] > 0


def box_shadow_colours(box_shadow: str) -> list[str]:
    return re.findall(r"rgba?\([^)]*\)", box_shadow or "")
