"""How a visitor's words are read before they are matched: as owners write, and with typos.

Colloquial phrases (a table staff keep beside the synonyms: 有冇 → 有沒有, 幾耐 → 多久,
pls → please) are rewritten to their written form, so Cantonese particles no page uses neither
miss nor dilute a question. An English word no page uses is matched to the page word one or
two typing slips away (rapidfuzz's optimal string alignment distance), as a synonym would be.
Both sides meet as search keys (Simplified, case-folded), so one table serves /tc/ and /sc/.
"""

import re
from collections import Counter

from rapidfuzz import process
from rapidfuzz.distance import OSA

from portal.i18n.search import search_key

from .text import LATIN_RUN, STOP_WORDS

PLACEHOLDER = "..."  # "…" in a phrase as staff type it (NFKC makes it "..."): a number
NUMBER = "[0-9零〇一二三四五六七八九十百千万两几]+"  # as search keys: Simplified
LATIN = "0-9a-z"
MIN_TYPO_LENGTH = 4  # shorter words have too many neighbours one slip away
LONG_WORD = 8  # from this length, two slips are forgiven
TYPO_CANDIDATES = 10


def _key(text: str) -> str:
    """A search key; "…" becomes "..." first, as NFKC would (search_key keeps the length)."""
    return " ".join(search_key((text or "").replace("…", PLACEHOLDER)).split())


def _pattern(spoken: str, capture: bool) -> str:
    number = f"({NUMBER})" if capture else f"(?:{NUMBER})"
    pattern = number.join(re.escape(part) for part in spoken.split(PLACEHOLDER))
    if spoken[:1].isascii() and spoken[:1].isalnum():
        pattern = f"(?<![{LATIN}])" + pattern  # whole English words only: "n" is not in "and"
    if spoken[-1:].isascii() and spoken[-1:].isalnum():
        pattern += f"(?![{LATIN}])"
    return pattern


class PhraseTable:
    """Rewrites phrases to their written form, the longest phrase first where several fit."""

    def __init__(self, pairs=()):
        rules = {}
        for spoken, written in pairs:
            spoken_key = _key(spoken)
            if spoken_key.strip(PLACEHOLDER + " "):
                rules[spoken_key] = _key(written)
        self.exact = {s: written for s, written in rules.items() if PLACEHOLDER not in s}
        self.numbered = [
            (re.compile(_pattern(spoken, capture=True)), written)
            for spoken, written in rules.items()
            if PLACEHOLDER in spoken
        ]
        longest_first = sorted(rules, key=lambda spoken: (-len(spoken), spoken))
        alternatives = "|".join(_pattern(spoken, capture=False) for spoken in longest_first)
        self.pattern = re.compile(alternatives) if rules else None

    def _written(self, match: re.Match) -> str:
        text = match.group()
        if text in self.exact:
            return self.exact[text] or " "
        for pattern, written in self.numbered:
            numbered = pattern.fullmatch(text)
            if numbered:
                return written.replace(PLACEHOLDER, numbered.group(1)) or " "
        return text

    def rewrite(self, text: str) -> str:
        """`text` as a search key, its phrases in their written form."""
        key = _key(text)
        return self.pattern.sub(self._written, key) if self.pattern and key else key


class TypoCorrector:
    """The page word an unknown English word is most likely a slip for."""

    def __init__(self, texts):
        words = (word for text in texts for word in LATIN_RUN.findall(text.casefold()))
        self.counts = Counter(
            word for word in words if len(word) >= MIN_TYPO_LENGTH and not word.isdigit()
        )
        self.words = list(self.counts)

    def correction(self, word: str) -> str | None:
        """None when the word is known, short, a number or too far from every page word."""
        if len(word) < MIN_TYPO_LENGTH or word.isdigit() or word in STOP_WORDS:
            return None
        if word in self.counts:
            return None
        slips = 2 if len(word) >= LONG_WORD else 1
        found = process.extract(
            word, self.words, scorer=OSA.distance, score_cutoff=slips, limit=TYPO_CANDIDATES
        )
        if not found:
            return None
        # The closest; among equals, the word pages use most (then a fixed order).
        best, _, _ = min(found, key=lambda match: (match[1], -self.counts[match[0]], match[0]))
        return best

    def corrections(self, key: str) -> dict[str, str]:
        """{typed word: page word} for the English words of a search key."""
        found = {word: self.correction(word) for word in set(LATIN_RUN.findall(key))}
        return {word: correction for word, correction in found.items() if correction}


class QueryReader:
    """Reads a question as the index matches it: phrases rewritten, typos noted."""

    def __init__(self, phrases=(), texts=()):
        self.phrases = PhraseTable(phrases)
        self.typos = TypoCorrector(texts)

    def read(self, text: str) -> str:
        return self.phrases.rewrite(text)
