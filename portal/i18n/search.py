"""Search keys: Traditional, Simplified and variant characters all meet in Simplified.

Both the stored search text and the visitor's query go through `search_key`, so 熱綫, 熱線 and
热线 all match each other, on /tc/ and /sc/ alike.
"""

from functools import cache

import opencc

from .text import clean_user_text


@cache
def _hk2s() -> opencc.OpenCC:
    # The binding is thread-safe and costly to build: one per process.
    return opencc.OpenCC("hk2s")


def search_key(text: str) -> str:
    """Text as stored in a search column: case-folded, Chinese converted to Simplified."""
    if not text:
        return ""
    return _hk2s().convert(clean_user_text(text, max_length=len(text) + 1)).casefold()


def query_terms(query: str | None) -> list[str]:
    """A visitor's query as search keys, one per word; empty when there is nothing to find."""
    return search_key(clean_user_text(query)).split()
