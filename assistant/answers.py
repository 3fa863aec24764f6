"""Which hit answers a question, if any: the assistant's honesty rules.

- A question about something the site does not list (an abbreviation no page uses, such as
  "BUD") has no answer here, however close another scheme's section comes.
- A hit answers when enough of the question's words are on the page (coverage), or when its
  meaning is close enough (dense similarity) and the page shares at least a word with it.
- A question naming a programme, fund or office in Chinese (科技券, 保就業計劃, 創新及科技基金)
  whose name no page, keyword or synonym uses has no answer here either. (A rule on Chinese
  characters no page uses, 稅 or 孵, cost more answers than it saved: 燈, 車, 賣.)
- Funding questions are answered from schemes before events or an organisation's history,
  and a closed scheme comes after the schemes open to applications; a "how long" question
  prefers the section that states a period (30 working days) to one that only has dates.
"""

import datetime
import re

from django.utils import timezone

from portal.i18n.search import search_key
from portal.search import SearchHit, SearchIndex
from portal.search.text import CJK_RUN, STOP_CHARACTERS, is_cjk, stem, tokens

from .sentences import asks_for_duration, states_duration

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
# Chinese names of programmes, funds and offices end so: 科技券, 優才計劃, 僱員再培訓局.
# Named things end so (as search keys): programmes and funds (科技券, 優才計劃), offices and
# governments (僱員再培訓局, 深圳市政府), taxes (所得稅) and licences (食肆牌照).
NAME_ENDINGS = ("计划", "基金", "券", "专项", "局", "署", "政府", "税", "牌照", "执照")
NAME_LENGTH = 2  # characters before the ending that must be on a page with it
NOT_FOR_FUNDING = ("event", "organisation")
CLOSED_PENALTY = 0.9
DURATION_BONUS = 2.0


def _known(index: SearchIndex, word: str) -> bool:
    """Whether the index or a synonym knows `word` (the synonyms' words kept with the index;
    the vocabulary is not copied: at 50x the seed it is a few hundred thousand words)."""
    if "synonym words" not in index.derived:
        synonyms = {word for group in index.synonyms for term in group for word in term}
        index.derived["synonym words"] = frozenset(synonyms)
    return word in index.vocabulary or word in index.derived["synonym words"]


def unknown_names(question: str, index: SearchIndex) -> list[str]:
    """Abbreviations in the question that no page, keyword or synonym uses."""
    return [
        name
        for name in ABBREVIATION.findall(question)
        if not any(_known(index, word) for word in tokens(name))
    ]


def unknown_topics(question: str, index: SearchIndex) -> list[str]:
    """English words of the question no page uses and that are no typo or shorter form of one
    ("tax", "trademark"): what the question is about, if the site has nothing on it. Words
    that name nothing (ok, still) do not count. Chinese has no such rule: a character no page
    uses (稅, 孵; but also 燈, 車) cost more questions the site answers than it saved (README)."""
    read = index.reader.read(question)
    slips = {stem(typed) for typed in index.reader.typos.corrections(read)}
    return [
        term
        for term in set(tokens(read))
        if not _known(index, term)
        and term not in slips
        and not is_cjk(term)
        and term.isalpha()
        and term not in NAMING_NOTHING
        and not index.longer_forms(term)
    ]


def names_on_site(index: SearchIndex) -> frozenset:
    """Each NAME_ENDINGS ending on a page, keyword or synonym, with the one and with the two
    characters before it, as search keys: whether a name in a question is on the site, without
    holding the site's whole text converted (tens of MB while converting, at 10x the seed).
    Worked out while the index is built (assistant/search.py registers it)."""
    found = set()
    texts = [
        " ".join([*doc.title.values(), *doc.text.values(), doc.keywords]) for doc in index.documents
    ]
    texts += [" ".join(group) for group in index.synonym_terms]
    for text in texts:
        # Names are Chinese: only the runs of Chinese characters are converted.
        key = search_key(" ".join(CJK_RUN.findall(text)))
        for ending in NAME_ENDINGS:
            for match in re.finditer(re.escape(ending), key):
                found.update(
                    key[max(0, match.start() - length) : match.end()]
                    for length in range(1, NAME_LENGTH + 1)
                )
    return frozenset(found)


def _names_on_site(index: SearchIndex) -> frozenset:
    if "names on site" not in index.derived:  # an index built without the registry
        index.derived["names on site"] = names_on_site(index)
    return index.derived["names on site"]


def unknown_chinese_names(question: str, index: SearchIndex) -> list[str]:
    """Names of programmes, funds, offices, taxes or licences (科技券, 保就業計劃, 所得稅)
    that no page uses: the ending with the one or two characters before it, which stop at a
    particle (有沒有政府貸款 names no government)."""
    read = index.reader.read(question)
    named = _names_on_site(index)
    found = []
    for run in CJK_RUN.findall(read):
        for ending in NAME_ENDINGS:
            for match in re.finditer(re.escape(ending), run):
                before = run[max(0, match.start() - NAME_LENGTH) : match.start()]
                while before and before[0] in STOP_CHARACTERS:
                    before = before[1:]
                if before and before[-1] not in STOP_CHARACTERS:
                    name = before + ending
                    if name not in named:
                        found.append(name)
    return found


def closed(document, today: datetime.date) -> bool:
    closes_on = document.extra.get("closes_on")
    return document.kind == "scheme" and closes_on is not None and closes_on < today


def reordered(question: str, hits: list[SearchHit]) -> list[SearchHit]:
    """Funding questions: schemes before events and organisations; closed schemes lower;
    "how long" questions: sections stating a period, in a sentence with a word of the
    question (or of its synonyms: process, approval), higher."""
    today = timezone.localdate()
    funding = bool(FUNDING_WORDS & set(tokens(question)))
    duration = asks_for_duration(question)

    def key(hit):
        demoted = funding and hit.document.kind in NOT_FOR_FUNDING
        score = hit.score * (CLOSED_PENALTY if closed(hit.document, today) else 1)
        if duration and states_duration(hit.document.text.get("en", ""), hit.terms):
            score *= DURATION_BONUS
        return (demoted, -score)

    return sorted(hits, key=key)


def answers(hit: SearchHit) -> bool:
    if hit.coverage >= MIN_COVERAGE:
        return True
    return hit.similarity >= MIN_SIMILARITY and hit.coverage >= MIN_COVERAGE_WITH_MEANING


def best_hit(question: str, hits: list[SearchHit], index: SearchIndex) -> SearchHit | None:
    """The hit to answer with, or None: the site has no information on that."""
    if not hits or unknown_names(question, index) or unknown_chinese_names(question, index):
        return None
    good = [hit for hit in reordered(question, hits) if answers(hit)]
    if not good:
        return None
    if good[0].coverage < MIN_COVERAGE_UNKNOWN_TOPIC and unknown_topics(question, index):
        return None
    # A curated answer close behind is the better answer (staff wrote it), unless the question
    # asks how long and only the page says.
    period = asks_for_duration(question) and states_duration(good[0].document.text.get("en", ""))
    for hit in good[:5]:
        if (
            hit.document.kind == "answer"
            and hit.lexical >= CURATED_SHARE * good[0].lexical
            and (not period or states_duration(hit.document.text.get("en", "")))
        ):
            return hit
    return good[0]
