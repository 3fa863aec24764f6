"""The sentence that answers: a question about an amount is answered by the sentence with the
amount, one about a telephone number by the sentence with the number, one about time by the
sentence with the period or date."""

import re

from portal.i18n.search import search_key
from portal.search.text import tokens

AMOUNT_QUESTION = re.compile(
    r"how much|how many|maximum|\bmax\b|ceiling|limit|amount|cap\b|"
    r"幾多|几多|多少|最多|最高|上限|金額|金额|資助額|资助额|幾錢|几钱",
)
AMOUNT = re.compile(r"(hk\$|hkd|港元|港币|\$|萬|万|%|百分之|成\b)|\d[\d,]{2,}", re.I)
CONTACT_QUESTION = re.compile(
    r"phone|telephone|\btel\b|hotline|call|contact|e-?mail|enquir|"
    r"電話|电话|熱線|热线|聯絡|联络|聯繫|联系|查詢|查询|電郵|电邮",
)
CONTACT = re.compile(r"\d{4}\s?\d{4}|@")
TIME_QUESTION = re.compile(
    r"how long|when|deadline|period|years?\b|months?\b|days?\b|"
    r"幾耐|几耐|多久|幾時|几时|何時|何时|截止|期限|年期|多長|多长|幾長|几长",
)
TIME = re.compile(r"\d+\s*(years?|months?|days?|weeks?)|年|月|日|天|星期|週|周", re.I)
CUE_BONUS = 2
SENTENCE_END = re.compile(r"(?<=[.!?。！？；;])\s+")
# A period, not a date: "30 working days", "3 months" ("2019 年" and "1 April 2019" are dates).
DURATION = re.compile(
    r"(?<![\d,])\d{1,3}\s*(?:working\s+|business\s+|calendar\s+)?(?:days?|weeks?|months?|years?)\b|"
    r"(?<![\d,])\d{1,3}\s*(?:個|个)?\s*(?:工作)?\s*(?:天|星期|週|周|月|年)(?!\s*\d)",
    re.I,
)
DURATION_QUESTION = re.compile(r"how long|多久|幾耐|几耐|多長時間|多长时间|幾時批|几时批")


def asks_for_duration(question: str) -> bool:
    return bool(DURATION_QUESTION.search(search_key(question)))


def states_duration(text: str, words: frozenset | None = None) -> bool:
    """Whether a sentence of `text` states a period; with `words` (index terms), a sentence
    that also has one of them ("complete the processing … within 30 working days")."""
    if words is None:
        return bool(DURATION.search(text))
    return any(
        DURATION.search(sentence) and words.intersection(tokens(sentence))
        for sentence in SENTENCE_END.split(text)
    )


def sentence_bonus(question: str, passage: str = ""):
    """A function giving a sentence extra weight when it has what the question asks for, and
    when it is in `passage` (the part of the page closest to the question in meaning)."""
    asked = search_key(question)
    wanted = [
        pattern
        for cue, pattern in (
            (AMOUNT_QUESTION, AMOUNT),
            (CONTACT_QUESTION, CONTACT),
            (TIME_QUESTION, TIME),
        )
        if cue.search(asked)
    ]

    def bonus(sentence: str) -> int:
        cues = CUE_BONUS * sum(1 for pattern in wanted if pattern.search(sentence))
        return cues + (1 if passage and sentence.strip() in passage else 0)

    return bonus
