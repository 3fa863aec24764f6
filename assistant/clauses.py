"""Several needs in one question: owners often say first who they are ("我間公司得12個人",
"we have 12 staff"), then what they want ("想買電腦，有冇資助"). The size of the business is
context for eligibility, not the topic: unless the question asks about eligibility itself, the
clause that gives it is read as a follow-up's previous question is (it counts for less), so a
page about staff numbers does not outrank the page about what the owner wants.
"""

import re

from portal.i18n.search import search_key

# Search keys (Simplified, case-folded), after the colloquial table: 得12個人 is 雇员12人.
BOUNDARY = r"[,，;；。.!！?？]|\band\b|\bbut\b"
INSIDE = rf"(?:(?!{BOUNDARY}).)"
SIZE_CLAUSE = re.compile(
    rf"{INSIDE}*?(?:"
    r"\d+\s*(?:个|名)?\s*(?:人|员工|雇员|工人|伙计|staff|employees|people|workers|persons)"
    r"|(?:雇员|员工|工人)\s*\d+\s*(?:人|个|名)?"
    rf"){INSIDE}*(?:{BOUNDARY})?"
)
ELIGIBILITY_WORDS = re.compile(
    r"中小企|资格|符合|条件|算不算|是否算|定义|合资格|eligib|qualif|\bsme\b|\bapply\b|\bcount\b"
)


def without_business_size(question: str) -> tuple[str, str]:
    """(what is asked, the clause giving the business's size or ""). The question is left
    whole when it asks about eligibility or when nothing else is asked."""
    key = search_key(question)
    match = SIZE_CLAUSE.search(key)
    if match is None or ELIGIBILITY_WORDS.search(key):
        return question, ""
    # Cut the visitor's own text (its capitals name things: BUD) where the key matched; a
    # search key is as long as its text but for rare phrases, then the key is cut instead.
    text = question if len(key) == len(question) else key
    rest = (text[: match.start()] + " " + text[match.end() :]).strip(" ,，;；。.")
    if len(rest) < 2:
        return question, ""
    return rest, text[match.start() : match.end()].strip(" ,，;；。.")
