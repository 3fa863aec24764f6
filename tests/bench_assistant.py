"""`make bench` (after tests/bench.py): answer.json timings, on the seed and on 5,000 documents.

In process through Django's test client, so the figures are the application's own time.
"""

import os
import random
import statistics
import time

from tests.assistant.eval_questions import QUESTIONS
from tests.assistant.evaluate import seeded_database

GENERATED = 5000
ROUNDS = 3


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def answer_times(client) -> list[float]:
    times = []
    for round_number in range(ROUNDS):
        for prefix, questions in QUESTIONS.items():
            for number, (question, _) in enumerate(questions):
                address = f"10.{round_number}.{len(times) // 250 % 250}.{number}"
                started = time.perf_counter()
                response = client.get(
                    f"/{prefix}/assistant/answer.json", {"q": question}, REMOTE_ADDR=address
                )
                times.append(time.perf_counter() - started)
                assert response.status_code == 200
    return times


def generated_documents(words, characters):
    from portal.search import SearchDocument

    generator = random.Random(11)  # noqa: S311 (repeatable test data, not secrets)
    for number in range(GENERATED):
        english = " ".join(generator.choices(words, k=generator.randint(40, 120)))
        chinese = "".join(generator.choices(characters, k=generator.randint(60, 200)))
        yield SearchDocument(
            kind="bench",
            path=f"bench/{number}/",
            title={"en": " ".join(generator.choices(words, k=5)), "zh-hant": chinese[:8]},
            text={"en": english, "zh-hant": chinese},
        )


def report(label, times):
    print(
        f"answer.json {label}: p50 {statistics.median(times) * 1000:.1f} ms, "
        f"p95 {percentile(times, 0.95) * 1000:.1f} ms over {len(times)} questions"
    )


def main():
    with seeded_database():
        from django.test import Client

        from portal.search import SearchSource, content_changed, current_index, register
        from portal.search.store import build_index

        client = Client()
        started = time.perf_counter()
        seed_index = build_index()
        print(f"index build, seed ({len(seed_index.documents)} documents): "
              f"{(time.perf_counter() - started) * 1000:.0f} ms")  # fmt: skip
        answer_times(client)  # warm
        report("seed", answer_times(client))

        text = " ".join(" ".join(doc.text.values()) for doc in current_index().documents)
        words = [word for word in text.split() if word.isascii() and word.isalpha()]
        characters = [char for char in text if "\u4e00" <= char <= "\u9fff"]
        documents = list(generated_documents(words, characters))
        register(SearchSource(kind="bench", label="bench", documents=lambda: documents))
        started, cpu = time.perf_counter(), time.process_time()
        big = build_index()
        load = os.getloadavg()[0]
        print(f"index build, seed + {GENERATED} generated ({len(big.documents)} documents): "
              f"{time.perf_counter() - started:.2f} s "
              f"({time.process_time() - cpu:.2f} s of CPU; load average {load:.1f})")  # fmt: skip
        content_changed()
        current_index()
        report(f"seed + {GENERATED} generated", answer_times(client))


if __name__ == "__main__":
    main()
