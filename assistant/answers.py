"""Which hit answers a question, if any: the assistant's honesty rules.

- A question about something the site does not list (an abbreviation no page uses, such as
  "BUD") has no answer here, however close another scheme's section comes.
- A hit answers when enough of the question's words are on the page (coverage), or when its
  meaning is close enough (dense similarity) and the page shares at least a word with it.
- Funding questions are answered from schemes before events or an organisation's history,
  and a closed scheme comes after the schemes open to applications.
"""

import datetime
import re

from django.utils import timezone

from portal.search import SearchHit, SearchIndex
from portal.search.text import is_cjk, stem, tokens

# Below this share of the question's weight found in the best document, we say we do not know
MIN_COVERAGE = 0.45
# unless its meaning is this close (cosine similarity of e5 vectors) and it shares some words.
MIN_SIMILARITY = 0.86
MIN_COVERAGE_WITH_MEANING = 0.2
CURATED_SHARE = 0.6
# An abbreviation in capitals (BUD, TVP, MPF): a name, so a page must use it.
ABBREVIATION = re.compile(r"(?<![A-Za-z])[A-Z]{2,6}(?![A-Za-z])")
FUNDING_WORDS = frozenset(
    tokens(
        "fund funding grant subsidy subsidise money finance financing loan sponsor "
        "資助 資金 基金 錢 貸款 津貼 補貼 撥款 贊助 融資"
    )
) - frozenset(tokens("資 助 金 基 錢 貸 款 津 貼 補 撥 贊 融"))
# A question about something no page names is answered only when a page covers this much of it.
MIN_COVERAGE_UNKNOWN_TOPIC = 0.6
NAMING_NOTHING = frozenset(
    tokens(
        "ok okay still really yes hi hello thanks thank one two much many lot lots kind way "
        "thing things something anything someone anyone"
    )
)
NOT_FOR_FUNDING = ("event", "organisation")
CLOSED_PENALTY = 0.9


def _known(index: SearchIndex) -> set:
    """Every word the index or a synonym knows (kept with the index)."""
    if "known words" not in index.derived:
        synonyms = {word for group in index.synonyms for term in group for word in term}
        index.derived["known words"] = synonyms | index.vocabulary.keys()
    return index.derived["known words"]


def unknown_names(question: str, index: SearchIndex) -> list[str]:
    """Abbreviations in the question that no page, keyword or synonym uses."""
    known = _known(index)
    return [
        name
        for name in ABBREVIATION.findall(question)
        if not any(word in known for word in tokens(name))
    ]


def unknown_topics(question: str, index: SearchIndex) -> list[str]:
    """English words of the question no page uses and that are no typo or shorter form of one
    ("tax", "trademark"): what the question is about, if the site has nothing on it. Words
    that name nothing (ok, still) do not count. Chinese has no such rule: a character no page
    uses (稅, 孵; but also 燈, 車) cost more questions the site answers than it saved (README)."""
    read = index.reader.read(question)
    known = _known(index)
    slips = {stem(typed) for typed in index.reader.typos.corrections(read)}
    return [
        term
        for term in set(tokens(read))
        if term not in known
        and term not in slips
        and not is_cjk(term)
        and term.isalpha()
        and term not in NAMING_NOTHING
        and not index.longer_forms(term)
    ]


def closed(document, today: datetime.date) -> bool:
    closes_on = document.extra.get("closes_on")
    return document.kind == "scheme" and closes_on is not None and closes_on < today


def reordered(question: str, hits: list[SearchHit]) -> list[SearchHit]:
    """Funding questions: schemes before events and organisations; closed schemes lower."""
    today = timezone.localdate()
    funding = bool(FUNDING_WORDS & set(tokens(question)))

    def key(hit):
        demoted = funding and hit.document.kind in NOT_FOR_FUNDING
        score = hit.score * (CLOSED_PENALTY if closed(hit.document, today) else 1)
        return (demoted, -score)

    return sorted(hits, key=key)


def answers(hit: SearchHit) -> bool:
    if hit.coverage >= MIN_COVERAGE:
        return True
    return hit.similarity >= MIN_SIMILARITY and hit.coverage >= MIN_COVERAGE_WITH_MEANING


def best_hit(question: str, hits: list[SearchHit], index: SearchIndex) -> SearchHit | None:
    """The hit to answer with, or None: the site has no information on that."""
    if not hits or unknown_names(question, index):
        return None
    good = [hit for hit in reordered(question, hits) if answers(hit)]
    if good and good[0].coverage < MIN_COVERAGE_UNKNOWN_TOPIC and unknown_topics(question, index):
        return None
    if not good:
        return None
    for hit in good[:5]:  # a curated answer close behind is the better answer: staff wrote it
        if hit.document.kind == "answer" and hit.lexical >= CURATED_SHARE * good[0].lexical:
            return hit
    return good[0]
