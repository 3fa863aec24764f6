"""Accuracy of the assistant on the evaluation questions, through answer.json."""

from dataclasses import dataclass, field

from .eval_questions import QUESTIONS


@dataclass
class LanguageResult:
    first: int = 0
    top_three: int = 0
    misses: list = field(default_factory=list)  # (question, expected, links)
    total: int = 0

    @property
    def first_rate(self) -> float:
        return self.first / self.total

    @property
    def top_three_rate(self) -> float:
        return self.top_three / self.total


def _matches(url: str, prefix: str, expected: str) -> bool:
    path = url.removeprefix(f"/{prefix}/")
    return path == expected or ("#" not in expected and path.partition("#")[0] == expected)


def evaluate(client) -> dict[str, LanguageResult]:
    results = {}
    for prefix, questions in QUESTIONS.items():
        result = results[prefix] = LanguageResult(total=len(questions))
        for number, (question, expected) in enumerate(questions):
            # One address per question: the rate limit is for visitors, not for this set.
            address = f"10.{len(results)}.{number // 250}.{number % 250}"
            url = f"/{prefix}/assistant/answer.json"
            response = client.get(url, {"q": question}, REMOTE_ADDR=address)
            urls = [link["url"] for link in response.json()["links"]]
            hits = [_matches(url, prefix, expected) for url in urls]
            result.first += bool(hits[:1] and hits[0])
            result.top_three += any(hits[:3])
            if not (hits[:1] and hits[0]):
                result.misses.append((question, expected, urls[:3]))
    return results


def report(results) -> str:
    lines = []
    for prefix, result in results.items():
        lines.append(
            f"{prefix}: first {result.first}/{result.total} ({result.first_rate:.0%}), "
            f"top three {result.top_three}/{result.total} ({result.top_three_rate:.0%})"
        )
        for question, expected, urls in result.misses:
            lines.append(f"  miss: {question!r} wanted {expected} got {urls}")
    return "\n".join(lines)
