"""Accuracy of the assistant on the evaluation sets, through answer.json as a visitor gets it."""

import itertools
from dataclasses import dataclass, field

from .eval_colloquial import COLLOQUIAL
from .eval_out_of_scope import FOLLOW_UPS, OUT_OF_SCOPE
from .eval_questions import QUESTIONS
from .eval_sets import Question

# The suite's bars (tests/assistant/test_evaluation.py).
MIN_TOP_THREE = 0.95  # right page in the top three, each set in each language
MIN_HONESTY = 0.90  # out-of-scope questions answered "no information", each part


def formal_questions() -> dict[str, list[Question]]:
    """The project's first set (eval_questions.py), written formally."""
    return {
        prefix: [Question(text, (page,)) for text, page in questions]
        for prefix, questions in QUESTIONS.items()
    }


def colloquial_questions(*, held_out: bool) -> dict[str, list[Question]]:
    return {
        prefix: [question for question in questions if question.held_out == held_out]
        for prefix, questions in COLLOQUIAL.items()
    }


def out_of_scope_questions(*, held_out: bool) -> dict[str, list]:
    return {
        prefix: [question for question in questions if question.held_out == held_out]
        for prefix, questions in OUT_OF_SCOPE.items()
    }


@dataclass
class SetResult:
    """One set in one language: how often the right page came first, or in the top three."""

    total: int = 0
    first: int = 0
    top_three: int = 0
    misses: list = field(default_factory=list)  # ("MISS|not first: question", wanted, got)

    measure = "top three"

    @property
    def good(self) -> int:
        return self.top_three

    @property
    def first_rate(self) -> float:
        return self.first / self.total if self.total else 1.0

    @property
    def top_three_rate(self) -> float:
        return self.top_three / self.total if self.total else 1.0


@dataclass
class HonestyResult:
    """Out-of-scope questions in one language: how often the answer said "no information"."""

    total: int = 0
    honest: int = 0
    misses: list = field(default_factory=list)  # ("MISS: question", what it is, first link)

    measure = "no information"

    @property
    def good(self) -> int:
        return self.honest

    @property
    def rate(self) -> float:
        return self.honest / self.total if self.total else 1.0


class Asker:
    """Asks answer.json, each question from its own address: the rate limit is for visitors."""

    def __init__(self, client):
        self.client = client
        self.numbers = itertools.count()

    def __call__(self, prefix: str, question: str, previous: str = "") -> dict:
        number = next(self.numbers)
        address = f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"
        params = {"q": question, **({"previous": previous} if previous else {})}
        response = self.client.get(f"/{prefix}/assistant/answer.json", params, REMOTE_ADDR=address)
        assert response.status_code == 200, (question, response.status_code)
        return response.json()


def _matches(url: str, prefix: str, wanted: str) -> bool:
    path = url.removeprefix(f"/{prefix}/")
    return path == wanted or ("#" not in wanted and path.partition("#")[0] == wanted)


def _score(result: SetResult, prefix: str, question: str, answers, data: dict) -> None:
    """Links count only when the assistant says it answered ("matched"): a "no information"
    answer that links the Chatbot Function notice has not answered "how do I reach TID"."""
    urls = [link["url"] for link in data["links"]] if data.get("matched") else []
    hits = [any(_matches(url, prefix, wanted) for wanted in answers) for url in urls]
    result.total += 1
    result.first += bool(hits[:1] and hits[0])
    result.top_three += any(hits[:3])
    if not (hits[:1] and hits[0]):
        label = "not first" if any(hits[:3]) else "MISS"
        result.misses.append((f"{label}: {question!r}", " | ".join(answers), urls[:3]))


def evaluate_set(ask: Asker, questions: dict[str, list]) -> dict[str, SetResult]:
    """`questions` are Question or FollowUp objects, per language prefix."""
    results = {}
    for prefix, asked in questions.items():
        result = results[prefix] = SetResult()
        for question in asked:
            previous = getattr(question, "previous", "")
            data = ask(prefix, question.text, previous)
            text = f"{previous} → {question.text}" if previous else question.text
            _score(result, prefix, text, question.answers, data)
    return results


def evaluate_honesty(ask: Asker, questions: dict[str, list]) -> dict[str, HonestyResult]:
    results = {}
    for prefix, asked in questions.items():
        result = results[prefix] = HonestyResult(total=len(asked))
        for question in asked:
            data = ask(prefix, question.text)
            if data["matched"]:
                first = data["links"][0]["url"] if data["links"] else "(no link)"
                result.misses.append((f"MISS: {question.text!r}", question.about, first))
            else:
                result.honest += 1
    return results


# Every set `make eval` reports: (name, kind, questions).
def all_sets():
    return [
        ("formal", "pages", formal_questions()),
        ("colloquial", "pages", colloquial_questions(held_out=False)),
        ("colloquial, held out", "pages", colloquial_questions(held_out=True)),
        ("follow-up", "pages", FOLLOW_UPS),
        ("out of scope", "honesty", out_of_scope_questions(held_out=False)),
        ("out of scope, held out", "honesty", out_of_scope_questions(held_out=True)),
    ]


def evaluate(client, names=None) -> dict[str, dict]:
    """{set name: {prefix: result}} for the named sets (all by default)."""
    ask = Asker(client)
    results = {}
    for name, kind, questions in all_sets():
        if names is None or name in names:
            run = evaluate_set if kind == "pages" else evaluate_honesty
            results[name] = run(ask, questions)
    return results


def _line(prefix: str, result) -> str:
    if isinstance(result, HonestyResult):
        return f"  {prefix}: no information {result.honest}/{result.total} ({result.rate:.0%})"
    return (
        f"  {prefix}: first {result.first}/{result.total} ({result.first_rate:.0%}), "
        f"top three {result.top_three}/{result.total} ({result.top_three_rate:.0%})"
    )


def report(results: dict[str, dict], *, misses: bool = True) -> str:
    lines = []
    for name, by_language in results.items():
        good = sum(result.good for result in by_language.values())
        total = sum(result.total for result in by_language.values())
        measure = next(iter(by_language.values())).measure
        lines.append(f"{name}: {measure} {good}/{total} ({good / total:.0%}), all languages")
        for prefix, result in by_language.items():
            lines.append(_line(prefix, result))
            if misses:
                lines += [
                    f"    {question} wanted {wanted} got {got}"
                    for question, wanted, got in result.misses
                ]
    return "\n".join(lines)
