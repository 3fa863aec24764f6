"""Words for the index: English stemmed without stop words; Chinese as characters and pairs.

Everything goes through the project's `search_key` first (case-folded, Traditional converted
to Simplified), so Simplified questions find Traditional text and the reverse. Chinese is cut
into single characters and overlapping pairs rather than by a dictionary segmenter: on our
evaluation questions pairs matched as well as jieba (see README) without its dictionary load.
"""

import re
from functools import lru_cache

import Stemmer

from portal.i18n.search import search_key

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RUN = re.compile(rf"[{CJK}]+")
LATIN_RUN = re.compile(r"[0-9a-z]+")
LATIN_WORD = re.compile(r"[0-9A-Za-z]+")
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "for",
        "from",
        "get",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "of",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "per",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "please",
        "tell",
        "know",
        "want",
        "need",
        "find",
        "give",
    ]
)
# Particles and pronouns that would match almost every Chinese page on their own.
STOP_CHARACTERS = frozenset(
    "的了吗呢吧啊么我你他她它们是有没在和与及或请问什怎样哪些这那个一也都就要可以能会"
)


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer():
    return Stemmer.Stemmer("english")


def cjk_tokens(run: str) -> list[str]:
    singles = [char for char in run if char not in STOP_CHARACTERS]
    return singles + [run[i : i + 2] for i in range(len(run) - 1)]


def tokens(text: str) -> list[str]:
    """Index terms of `text`, with repeats (in no particular order: BM25 needs none)."""
    key = search_key(text)
    words = [word for word in LATIN_RUN.findall(key) if word not in STOP_WORDS]
    found = _stemmer().stemWords(words)
    for run in CJK_RUN.findall(key):
        found += cjk_tokens(run)
    return found


def counts_for_coverage(token: str) -> bool:
    """Words and single characters: an unknown pair of characters says little on its own."""
    return not is_cjk(token) or len(token) == 1


def is_cjk(token: str) -> bool:
    return token[:1] > "\u3000"
