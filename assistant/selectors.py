"""Reading the question log for staff."""

from dataclasses import dataclass, field

from portal.search.text import tokens

SIMILARITY = 0.5  # share of words two questions must have in common to be grouped


@dataclass
class QuestionGroup:
    words: set
    questions: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(question.times_asked for question in self.questions)


def question_groups(questions) -> list[QuestionGroup]:
    """Greedy grouping by shared words (Jaccard), in any of the three languages."""
    groups: list[QuestionGroup] = []
    for question in questions:
        words = set(tokens(question.text))
        for group in groups:
            union = words | group.words
            if union and len(words & group.words) / len(union) >= SIMILARITY:
                group.questions.append(question)
                break
        else:
            groups.append(QuestionGroup(words=words, questions=[question]))
    return sorted(groups, key=lambda group: -group.count)
