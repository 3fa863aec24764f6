"""Helpers for reading what a page shows a person."""

import re

from bs4 import BeautifulSoup, NavigableString
from bs4.element import PreformattedString

ENGLISH_PHRASE = re.compile(r"[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,})+")
INVISIBLE = {"script", "style", "template", "head"}


def in_other_language(element, page_lang: str) -> bool:
    """Inside an element marked as another language, or as not to be translated."""
    for parent in element.parents:
        if parent.name == "html":
            return False
        if parent.get("translate") == "no":
            return True
        lang = parent.get("lang")
        if lang and lang != page_lang:
            return True
    return False


def visible_strings(soup: BeautifulSoup, *, include_other_languages=True):
    page_lang = soup.html.get("lang", "")
    for node in soup.find_all(string=True):
        # Comments, the doctype and other declarations are not shown.
        if isinstance(node, PreformattedString) or not isinstance(node, NavigableString):
            continue
        if any(parent.name in INVISIBLE for parent in node.parents):
            continue
        if not include_other_languages and in_other_language(node, page_lang):
            continue
        if node.strip():
            yield node.strip()


def english_phrases(soup: BeautifulSoup) -> list[str]:
    """English phrases shown outside parts marked as English: untranslated strings."""
    return [
        match
        for text in visible_strings(soup, include_other_languages=False)
        for match in ENGLISH_PHRASE.findall(text)
    ]
