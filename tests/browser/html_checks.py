"""Checks on a page's served HTML for what screen readers rely on.

Each check takes the parsed page (and its language) and returns a list of problems, empty when
the page passes, so one test can report every page's problems at once.
"""

import re

from bs4 import BeautifulSoup, CData, NavigableString, Tag
from bs4.element import TemplateString

from portal.i18n import languages
from portal.i18n.languages import Language
from tests.text import ENGLISH_PHRASE, visible_strings

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Link names that say nothing out of context (2.4.4), compared without case and punctuation.
VAGUE_LINK_NAMES = {
    "read more", "more", "click here", "here", "learn more", "details", "more details",
    "find out more", "this page", "link", "continue",
    "更多", "詳情", "详情", "按此", "按這裏", "按这里", "按這裡",
    "了解更多", "閱讀更多", "阅读更多",
}  # fmt: skip
SCOPES = {"col", "row", "colgroup", "rowgroup"}
LABELLABLE = ("input", "select", "textarea")
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "reset", "button", "image"}


# get_text() leaves out the strings in a <template> (the assistant panel a script puts in the
# page), which would make its links and labels look nameless.
TEXT_TYPES = (NavigableString, CData, TemplateString)


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ", strip=True, types=TEXT_TYPES).split())


def _by_ids(soup: BeautifulSoup, ids: str) -> list[Tag | None]:
    return [soup.find(id=name) for name in ids.split()]


def _aria_name(tag: Tag, soup: BeautifulSoup) -> str:
    """The name a landmark gets: only from aria-labelledby or aria-label, never its content."""
    if tag.get("aria-labelledby"):
        return " ".join(_text(ref) for ref in _by_ids(soup, tag["aria-labelledby"]) if ref)
    return tag.get("aria-label", "").strip()


def accessible_name(tag: Tag, soup: BeautifulSoup) -> str:
    """A close enough accessible name: aria-labelledby, aria-label, then content and alt text."""
    if tag.get("aria-labelledby"):
        return " ".join(_text(ref) for ref in _by_ids(soup, tag["aria-labelledby"]) if ref)
    if tag.get("aria-label", "").strip():
        return tag["aria-label"].strip()
    alts = " ".join(img.get("alt", "") for img in tag.find_all("img"))
    return " ".join(f"{_text(tag)} {alts}".split())


def language_problems(soup: BeautifulSoup, language: Language) -> list[str]:
    """`lang` right on the page (3.1.1) and on every passage in the other language (3.1.2)."""
    problems = []
    page_lang = soup.html.get("lang") if soup.html else None
    if page_lang != language.html_lang:
        problems.append(f'<html lang="{page_lang}">, expected "{language.html_lang}"')
    for element in soup.find_all(lang=True):
        own_text = "".join(element.find_all(string=True, recursive=False))
        if element["lang"].startswith("zh") and own_text.strip() and not CJK.search(own_text):
            problems.append(f'lang="{element["lang"]}" on text with no Chinese: {own_text!r}')
        if element["lang"] == "en" and CJK.search(own_text):
            problems.append(f'lang="en" on Chinese text: {own_text.strip()!r}')
    problems += _switcher_problems(soup)
    if language.html_lang == "en":
        problems += [
            f"Chinese text not marked with lang: {text!r}"
            for text in visible_strings(soup, include_other_languages=False)
            if CJK.search(text)
        ]
    else:
        problems += [
            f"English text not marked with lang: {text!r}"
            for text in visible_strings(soup, include_other_languages=False)
            if ENGLISH_PHRASE.search(text)
        ]
    return problems


def _switcher_problems(soup: BeautifulSoup) -> list[str]:
    """Each language's name is marked in that language, even the one-word "English"."""
    problems = []
    by_name = {language.name: language.html_lang for language in languages.ALL}
    items = soup.select(".language-switcher li > *")
    if len(items) != len(by_name):
        problems.append(f"language switcher has {len(items)} entries, expected {len(by_name)}")
    for item in items:
        wanted = by_name.get(_text(item))
        if item.get("lang") != wanted:
            problems.append(f"switcher entry {_text(item)!r} has lang={item.get('lang')!r}")
        if item.name == "a" and item.get("hreflang") != wanted:
            problems.append(f"switcher link {_text(item)!r} has hreflang={item.get('hreflang')!r}")
    return problems


def heading_problems(soup: BeautifulSoup) -> list[str]:
    """Exactly one h1 and no skipped levels on the way down."""
    headings = soup.find_all(HEADINGS)
    levels = [int(tag.name[1]) for tag in headings]
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 elements, expected one")
    if levels and levels[0] != 1:
        problems.append(f"first heading is h{levels[0]}, not h1")
    for tag, previous, level in zip(headings[1:], levels, levels[1:], strict=False):
        if level > previous + 1:
            problems.append(f"h{previous} followed by h{level}: {_text(tag)!r}")
    problems += [f"empty {tag.name}" for tag in headings if not _text(tag)]
    return problems


def landmark_problems(soup: BeautifulSoup) -> list[str]:
    """One banner, main and contentinfo; every nav named, no two navs with the same name."""
    problems = []
    sectioning = ("article", "aside", "main", "nav", "section")
    banners = [tag for tag in soup.find_all("header") if not tag.find_parent(sectioning)]
    footers = [tag for tag in soup.find_all("footer") if not tag.find_parent(sectioning)]
    for name, found in (("header", banners), ("main", soup.find_all("main")), ("footer", footers)):
        if len(found) != 1:
            problems.append(f"{len(found)} top-level <{name}> landmarks, expected one")
    main = soup.find("main")
    if main and main.get("id") is None:
        problems.append("<main> has no id for the skip link to target")
    names = [_aria_name(nav, soup) for nav in soup.find_all("nav")]
    if "" in names:
        problems.append("a <nav> without aria-label or aria-labelledby")
    duplicates = {name for name in names if name and names.count(name) > 1}
    problems += [f"several <nav> landmarks named {name!r}" for name in sorted(duplicates)]
    skip = soup.body.find("a") if soup.body else None
    if not skip or not main or skip.get("href") != f"#{main.get('id')}":
        problems.append("the first link is not a skip link to <main>")
    return problems


def link_problems(soup: BeautifulSoup) -> list[str]:
    """Every link has a name that makes sense on its own (2.4.4)."""
    problems = []
    for link in soup.find_all("a", href=True):
        name = accessible_name(link, soup)
        bare = re.sub(r"[\W_]+", " ", name).strip().lower()
        if not name:
            problems.append(f"link without a name: {link['href']}")
        elif bare in VAGUE_LINK_NAMES:
            problems.append(f"link named only {name!r}: {link['href']}")
    return problems


def table_problems(soup: BeautifulSoup) -> list[str]:
    """Data tables: caption, scoped headers, and a labelled focusable region to scroll in."""
    problems = []
    for number, table in enumerate(soup.find_all("table"), 1):
        caption = table.find("caption")
        label = f"table {number} ({_text(caption) if caption else 'no caption'})"
        if not caption or not _text(caption):
            problems.append(f"{label}: no caption")
        if not table.find("th"):
            problems.append(f"{label}: no header cells")
        problems += [
            f"{label}: <th> {_text(th)!r} without scope"
            for th in table.find_all("th")
            if th.get("scope") not in SCOPES
        ]
        region = table.parent
        if not (
            "table-scroll" in (region.get("class") or [])
            and region.get("tabindex") == "0"
            and region.get("role") == "region"
            and (region.get("aria-label", "").strip() or region.get("aria-labelledby"))
        ):
            problems.append(
                f'{label}: not inside a <div class="table-scroll" tabindex="0" role="region"> '
                "labelled by aria-label or aria-labelledby"
            )
    return problems


def form_problems(soup: BeautifulSoup) -> list[str]:
    """Every field labelled; error messages tied to their field; references that resolve."""
    problems = []
    for field in soup.find_all(LABELLABLE):
        if field.name == "input" and field.get("type", "text") in UNLABELLED_INPUT_TYPES:
            continue
        labelled = (
            field.find_parent("label")
            or (field.get("id") and soup.find("label", attrs={"for": field["id"]}))
            or field.get("aria-labelledby")
            or field.get("aria-label", "").strip()
        )
        if not labelled:
            problems.append(f"<{field.name} name={field.get('name')!r}> has no label")
        if field.get("aria-invalid") == "true" and not field.get("aria-describedby"):
            problems.append(f"invalid field {field.get('name')!r} not tied to its error message")
    described = {
        name
        for tag in soup.find_all(attrs={"aria-describedby": True})
        for name in tag["aria-describedby"].split()
    }
    for message in soup.select(".error-message, .errorlist, [class*='error-message']"):
        if message.get("id") not in described:
            problems.append(f"error message {_text(message)!r} not in any aria-describedby")
    for form in soup.find_all("form"):
        if not any(_submits(control) for control in form.find_all(["button", "input"])):
            problems.append(f"form {form.get('action')!r} has no submit button")
    return problems


def _submits(control: Tag) -> bool:
    kind = control.get("type", "submit" if control.name == "button" else "text").lower()
    return kind in ("submit", "image")


def reference_problems(soup: BeautifulSoup) -> list[str]:
    """ARIA id references resolve, and ids are unique, or names and descriptions go missing."""
    problems = []
    for attribute in ("aria-describedby", "aria-labelledby", "aria-controls", "for"):
        for tag in soup.find_all(attrs={attribute: True}):
            missing = [name for name in tag[attribute].split() if not soup.find(id=name)]
            problems += [f'{attribute}="{name}" points at no element' for name in missing]
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    problems += [
        f'id="{name}" used {ids.count(name)} times'
        for name in sorted(set(ids))
        if ids.count(name) > 1
    ]
    return problems


def result_count_problems(soup: BeautifulSoup) -> list[str]:
    """A page with a search or filter form announces its result count in role="status"."""
    finders = [
        form
        for form in soup.find_all("form")
        if (form.get("method") or "get").lower() == "get"
        and form.find(["input", "select"])
        and not form.find_parent("header")  # the header's search box shows results elsewhere
    ]
    status = soup.find(attrs={"role": "status"})
    if finders and not (status and _text(status)):
        return ['a search or filter form, but no role="status" element announcing the results']
    return []


def colour_only_problems(soup: BeautifulSoup) -> list[str]:
    """Statuses and "today" carry text, not colour alone (1.4.1)."""
    markers = soup.select('[class*="status"], [class*="today"], [aria-current="date"]')
    return [
        f"<{tag.name} class={' '.join(tag.get('class') or [])!r}> shows a state without text"
        for tag in markers
        if not _text(tag)
    ]


HELP_ORDER = ["header-search", "assistant-toggle", "language-switcher"]


def help_problems(soup: BeautifulSoup) -> list[str]:
    """Help in the same place on every page (3.2.6): the header's "Ask a question", which
    leads to the assistant and, when it has no answer, to the department's telephone, between
    the search box and the languages."""
    header = soup.find("header")
    if not header:
        return ["no header, so no help in its place"]
    parts = header.select(".header-search, .assistant-toggle, .language-switcher")
    found = [name for tag in parts for name in HELP_ORDER if name in tag.get("class", [])]
    toggle = header.select_one("a.assistant-toggle[href]")
    if found != HELP_ORDER or not toggle or not _text(toggle):
        return [f"the header's help is not in its place: {found} instead of {HELP_ORDER}"]
    return []


def choice_group_problems(soup: BeautifulSoup) -> list[str]:
    """Check boxes and radio buttons that share a name sit in one fieldset with a legend (1.3.1,
    IBM Equal Access `input_checkboxes_grouped` / `input_radio_grouped`)."""
    problems = []
    by_name: dict[tuple, list[Tag]] = {}
    for choice in soup.select("input[type=checkbox][name], input[type=radio][name]"):
        by_name.setdefault((choice.find_parent("form"), choice["name"]), []).append(choice)
    for (_form, name), choices in by_name.items():
        if len(choices) < 2:
            continue
        groups = {id(choice.find_parent("fieldset")) for choice in choices}
        fieldset = choices[0].find_parent("fieldset")
        legend = fieldset and fieldset.find("legend", recursive=False)
        if len(groups) > 1 or not legend or not _text(legend):
            problems.append(f"{len(choices)} choices named {name!r} not grouped under one legend")
    return problems


ALL_CHECKS = {
    "headings": heading_problems,
    "landmarks": landmark_problems,
    "link names": link_problems,
    "tables": table_problems,
    "forms": form_problems,
    "id references": reference_problems,
    "result count": result_count_problems,
    "colour alone": colour_only_problems,
    "help in one place": help_problems,
    "grouped choices": choice_group_problems,
}
