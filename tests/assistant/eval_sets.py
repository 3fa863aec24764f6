"""The shape of the evaluation sets and the pages they name (after the language prefix).

A page with a #fragment must be matched exactly; one without matches any of its sections.
A question may name several pages: any of them answers it.
"""

from dataclasses import dataclass

SGS = "schemes/sme-loan-guarantee-scheme/"
SFGS = "schemes/sme-financing-guarantee-scheme/"
EMF = "schemes/sme-export-marketing-fund/"
MIC = "schemes/small-mic-groups-funding-2019-20/"
FINDER = "schemes/"
CHECK = "schemes/check/"
EVENTS = "events/"
NOTICES = "notices/"  # the Important Notices: terms, copyright, linking, Simplified version
CHATBOT = "notices/chatbot/"
TID = "organisations/tid/"
HKSMEGA = "organisations/hksmega/"
HKMCI = "organisations/hkmc-insurance/"

# "Can my company apply?": any scheme's eligibility, or the eligibility check.
ELIGIBILITY = (SGS + "#eligibility", EMF + "#eligibility", SFGS + "#eligible-borrower", CHECK)
# "I want a person": TID's telephone is on the Chatbot Function notice and TID's page.
TID_STAFF = (CHATBOT, TID)


@dataclass(frozen=True)
class Question:
    text: str
    answers: tuple[str, ...]  # pages that answer it, best first
    held_out: bool = False  # kept aside: never tuned on (see eval_colloquial.py)


@dataclass(frozen=True)
class FollowUp:
    previous: str  # the question asked just before, as the panel sends it
    text: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class OutOfScope:
    """Something the site does not have. The honest answer says the site has no information
    on it (answer.json "matched": false) and points to the finder, the eligibility check and
    TID's telephone; it never offers another scheme's section as if it answered."""

    text: str
    about: str  # what it is, so a reader can check that the site really lacks it
    held_out: bool = False


def ask(text: str, *answers: str) -> Question:
    return Question(text, answers)


def held_out(text: str, *answers: str) -> Question:
    return Question(text, answers, held_out=True)


def not_here(text: str, about: str) -> OutOfScope:
    return OutOfScope(text, about)


def not_here_held_out(text: str, about: str) -> OutOfScope:
    return OutOfScope(text, about, held_out=True)
