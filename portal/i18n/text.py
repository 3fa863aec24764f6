"""Cleaning text a visitor types before it reaches OpenCC or the database."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
# NUL and other C0/C1 controls except tab and newline; lone UTF-16 surrogates.
UNWANTED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_user_text(text: str | None, max_length: int = MAX_QUERY_LENGTH) -> str:
    """Safe for OpenCC (which raises on lone surrogates and None) and for every database."""
    if not text:
        return ""
    text = UNWANTED.sub("", str(text)[: max_length * 2])
    text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split())[:max_length]
