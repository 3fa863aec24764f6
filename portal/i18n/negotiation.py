"""Choosing a language for a visitor who arrives at `/`."""

from .languages import BY_CODE, ENGLISH, SIMPLIFIED, TRADITIONAL, Language, by_code

TRADITIONAL_REGIONS = {"hk", "tw", "mo"}
SIMPLIFIED_REGIONS = {"cn", "sg"}


def language_for_tag(tag: str) -> Language | None:
    """Our language for one BCP 47 tag, or None when we do not offer it.

    Chinese without a script or known region is read as Hong Kong Traditional, the
    site's own Chinese.
    """
    primary, *subtags = tag.strip().lower().replace("_", "-").split("-")
    if primary == "en":
        return ENGLISH
    if primary != "zh":
        return None
    if "hans" in subtags or SIMPLIFIED_REGIONS.intersection(subtags):
        return SIMPLIFIED
    return TRADITIONAL


def preferred_tags(accept_language: str) -> list[str]:
    """Tags of an Accept-Language header, most preferred first; q=0 means "not this"."""
    weighted = []
    for position, item in enumerate(accept_language.split(",")):
        tag, _, params = item.partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag.strip() and tag.strip() != "*" and quality > 0:
            weighted.append((-quality, position, tag.strip()))
    return [tag for _, _, tag in sorted(weighted)]


def negotiate(*, cookie: str | None, accept_language: str) -> Language:
    """The remembered choice first, then the browser's preferences, else English."""
    if cookie and cookie.lower() in BY_CODE:
        return by_code(cookie)
    for tag in preferred_tags(accept_language[:1000]):
        language = language_for_tag(tag)
        if language:
            return language
    return ENGLISH
