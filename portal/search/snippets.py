"""One sentence of a document, the one that best matches, with the matched words marked."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.i18n.search import search_key

from .text import LATIN_WORD, is_cjk, stem

SENTENCE = re.compile(r"(?<=[.!?。！？；;])\s*")
MAX_CHARACTERS = 220
WORD_REACH = 20  # a cut moves at most this far to fall between English words


def _marked_spans(sentence: str, terms: frozenset) -> list[tuple[int, int]]:
    spans = [
        match.span()
        for match in LATIN_WORD.finditer(sentence)
        if stem(match.group().casefold()) in terms
    ]
    pairs = {term for term in terms if is_cjk(term) and len(term) == 2}
    key = search_key(sentence)
    if pairs and len(key) == len(sentence):  # hk2s keeps lengths but for rare phrases
        spans += [(i, i + 2) for i in range(len(key) - 1) if key[i : i + 2] in pairs]
    return spans


def _mark(sentence: str, spans) -> SafeString:
    marked = [False] * len(sentence)
    for start, end in spans:
        marked[start:end] = [True] * (end - start)
    parts, position = [], 0
    while position < len(sentence):
        end = position
        while end < len(sentence) and marked[end] == marked[position]:
            end += 1
        text = escape(sentence[position:end])
        parts.append(f"<mark>{text}</mark>" if marked[position] else text)
        position = end
    return mark_safe("".join(parts))  # noqa: S308 (every piece escaped above)


def snippet(text: str, terms: frozenset, *, bonus=None) -> SafeString:
    """The sentence of `text` with the most matched terms, shortened, marked and escaped.

    `bonus(sentence)` adds to a sentence's count: the assistant prefers the sentence with the
    amount to a question about amounts."""
    sentences = [part for part in SENTENCE.split(text) if part.strip()] or [""]
    scored = [
        (len(_marked_spans(sentence, terms)) + (bonus(sentence) if bonus else 0), -i, sentence)
        for i, sentence in enumerate(sentences)
    ]
    _, _, best = max(scored)
    spans = _marked_spans(best, terms)
    if len(best) > MAX_CHARACTERS:
        start = _word_edge(best, max(0, min((s for s, _ in spans), default=0) - 40), 1)
        end = _word_edge(best, start + MAX_CHARACTERS, -1)
        best = ("…" if start else "") + best[start:end].strip(" ,;，；") + "…"
        spans = _marked_spans(best, terms)
    return _mark(best, spans)


def _word_edge(text: str, position: int, step: int) -> int:
    """`position` moved (forward: step 1, back: -1) out of an English word it would cut."""
    moved = position
    for _ in range(WORD_REACH):
        if not (0 < moved < len(text) and text[moved - 1].isascii() and text[moved - 1].isalnum()
                and text[moved].isascii() and text[moved].isalnum()):  # fmt: skip
            return moved
        moved += step
    return position
