"""Generated curated answers for `manage.py seed_grow`: copies of the seed's."""

import re

from portal.scaling import Growth, copies_create, numbered, row_copy, seed_rows

from .models import CuratedAnswer

GENERATED_QUESTION = re.compile(r" \(\d+\)$")


def answers_grow(growth: Growth) -> int:
    seed = seed_rows(
        CuratedAnswer.objects.all(),
        generated=lambda answer: GENERATED_QUESTION.search(answer.question_en or ""),
    )
    start = CuratedAnswer.objects.count()
    pairs = []
    for offset in range(growth.wanted("answer", start)):
        template = seed[offset % len(seed)]
        questions = {
            "question_en": template.question_en,
            "question_zh_hant": template.question_zh_hant,
        }
        pairs.append((row_copy(template, **numbered(questions, start + offset + 1)), template))
    return len(copies_create(growth, pairs))
