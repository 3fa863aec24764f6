"""Search keys: Traditional, Simplified and variant characters all meet in Simplified.

Both the stored search text and the visitor's query go through `search_key`, so 熱綫, 熱線 and
热线 all match each other, on /tc/ and /sc/ alike.
"""

from .conversion import hk2s
from .text import clean_user_text


def search_key(text: str) -> str:
    """Text as stored in a search column: case-folded, Chinese converted to Simplified.

    Plain hk2s, without the page overrides: stored text and queries meet either way.
    """
    if not text:
        return ""
    return hk2s().convert(clean_user_text(text, max_length=len(text) + 1)).casefold()


def query_terms(query: str | None) -> list[str]:
    """A visitor's query as search keys, one per word; empty when there is nothing to find."""
    return search_key(clean_user_text(query)).split()
