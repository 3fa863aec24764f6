"""The notice statements of the seed page, read straight from the seed file.

The seed marks its headings only by layout, so the statement titles are listed here; every
other line is the statement's text, split into sentences.
"""

import re
from dataclasses import dataclass, field

from tests.seeds import seed_file

SEED_FILE = seed_file("000")
TITLES = (
    "Important Notices",
    "Security Statement",
    "Access to Information",
    "Accessibility Statement",
    "Accessible by Popular Browsers and Operating Systems",
    "Chatbot Function",
)
LIST_NUMBER = re.compile(r"^\d+\.\s+")
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z])")
BLANK_LABEL = re.compile(r"^[^.]+:$")  # "Email address:" with nothing after it


@dataclass
class Statement:
    title: str
    sentences: list[str] = field(default_factory=list)
    blank_labels: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    """One plain space between words, as a reader sees it (no-break spaces included)."""
    return " ".join(text.split())


def seed_statements() -> list[Statement]:
    lines = [normalise(line) for line in SEED_FILE.read_text(encoding="utf-8").splitlines()]
    # The page's section heading and the first statement's title are both "Important
    # Notices"; the statements start at the second.
    start = len(lines) - 1 - lines[::-1].index(TITLES[0])
    statements = []
    for line in lines[start:]:
        if line in TITLES:
            statements.append(Statement(line))
        elif BLANK_LABEL.match(line):
            statements[-1].blank_labels.append(line)
        elif line:
            text = LIST_NUMBER.sub("", line)
            statements[-1].sentences.extend(SENTENCE_END.split(text))
    return statements
