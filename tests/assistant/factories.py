from itertools import count

from assistant.models import ColloquialPhrase, CuratedAnswer, SynonymGroup
from portal.models import Publishable

_numbers = count(1)


def make_answer(**fields) -> CuratedAnswer:
    number = next(_numbers)
    defaults = {
        "question_en": f"Question {number}?",
        "question_zh_hant": f"問題{number}？",
        "answer_en": f"<p>Answer {number}.</p>",
        "answer_zh_hant": f"<p>答案{number}。</p>",
        "links": "",
        "status": Publishable.Status.PUBLISHED,
    }
    return CuratedAnswer.objects.create(**{**defaults, **fields})


def make_synonyms(*terms: str) -> SynonymGroup:
    return SynonymGroup.objects.create(terms="\n".join(terms))


def make_phrase(spoken: str, written: str) -> ColloquialPhrase:
    return ColloquialPhrase.objects.create(spoken=spoken, written=written)
