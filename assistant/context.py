"""A question in its context: the answer before it (a follow-up), or the scheme it names.

- A follow-up is read in the context of the last answer: the sections of the page that
  answered the question before rank higher, above every other page's when the follow-up
  names no page of its own ("how many people at least" after "MIC group funding"); a
  follow-up about something else ("privacy policy") still finds that.
- A question naming one scheme (SGS, 信貸保證, 融資擔保計劃) is answered from that scheme's
  pages before other schemes': a long section of another scheme that shares more characters
  with the question ("部機放喺大陸廠房可唔可以用信貸保證") is not what the visitor asks about.
"""

import re
from dataclasses import replace

from portal.i18n.search import search_key
from portal.search import SearchHit, SearchIndex
from portal.search.text import is_cjk, tokens

from .answers import answers

FOLLOW_UP_BONUS = 1.3
# Sections lifted above every other page's (fused scores stay below 2).
LEANING_LIFT = 10.0
# A scheme's Chinese name without what many names share: 中小企業信貸保證計劃 is 信貸保證.
NAME_AFFIXES = re.compile(r"^(?:中小型企业|中小企业|中小企)|(?:计划|基金)$")
MIN_CHINESE_NAME = 4
OTHER_SCHEME_SHARE = 0.2


def page_of(hit: SearchHit) -> str:
    return hit.document.path.partition("#")[0]


def _title_words(index: SearchIndex) -> frozenset:
    """Words and character pairs of the pages' titles (kept with the index)."""
    if "title words" not in index.derived:
        titles = " ".join(
            title
            for document in index.documents
            if document.kind != "answer"
            for title in document.title.values()
        )
        index.derived["title words"] = frozenset(
            term for term in tokens(titles) if not is_cjk(term) or len(term) > 1
        )
    return index.derived["title words"]


def names_a_page(question: str, index: SearchIndex) -> bool:
    return bool(_title_words(index) & set(tokens(index.reader.read(question))))


def in_context(
    question: str, hits: list[SearchHit], previous: SearchHit | None, index: SearchIndex
) -> list[SearchHit]:
    """A follow-up is read in the context of the last answer: the sections of the page that
    answered the question before rank higher; above all others when the follow-up names no
    page of its own, while a question about something else ("privacy policy") still wins."""
    if previous is None:
        return hits
    page = page_of(previous)
    leaning = not names_a_page(question, index)

    def lifted(hit):
        if leaning and answers(hit):
            return replace(hit, score=hit.score + LEANING_LIFT)
        return replace(hit, score=hit.score * FOLLOW_UP_BONUS)

    return [lifted(hit) if page_of(hit) == page else hit for hit in hits]


def _scheme_names(index: SearchIndex) -> dict:
    """{name as a search key: the scheme's page}: abbreviations, names and their synonyms."""
    if "scheme names" not in index.derived:
        found = {}
        groups = [[search_key(term).strip() for term in group] for group in index.synonym_terms]
        for document in index.documents:
            if document.kind != "scheme" or "#" in document.path or "slug" not in document.extra:
                continue
            names = {
                search_key(name).strip() for name in [*document.title.values(), document.keywords]
            }
            for group in groups:
                if names & set(group):
                    names |= set(group)
            for name in names:
                core = NAME_AFFIXES.sub("", name) if is_cjk(name) else name
                if core and (not is_cjk(core) or len(core) >= MIN_CHINESE_NAME):
                    found.setdefault(core, set()).add(document.path)
        index.derived["scheme names"] = {
            name: pages.pop() for name, pages in found.items() if len(pages) == 1
        }
    return index.derived["scheme names"]


def named_scheme(question: str, index: SearchIndex) -> str | None:
    """The page of the one scheme the question names, if it names exactly one."""
    key = search_key(question)
    named = {
        page
        for name, page in _scheme_names(index).items()
        # A name must be in the question; an English one also as whole words (compiling its
        # pattern only then: at 50x the seed there are a thousand names to look for).
        if name in key
        and (is_cjk(name) or re.search(rf"(?<![0-9a-z]){re.escape(name)}(?![0-9a-z])", key))
    }
    return named.pop() if len(named) == 1 else None


def named_first(question: str, hits: list[SearchHit], index: SearchIndex) -> list[SearchHit]:
    """Other schemes' sections count for less when the question names one scheme; pages that
    are not a scheme's (who runs it, events, notices) are not affected."""
    page = named_scheme(question, index)
    if page is None:
        return hits
    return [
        replace(hit, score=hit.score * OTHER_SCHEME_SHARE)
        if hit.document.kind == "scheme" and hit.document.extra.get("slug") and page_of(hit) != page
        else hit
        for hit in hits
    ]
