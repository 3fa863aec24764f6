"""`make bench` (after tests/bench.py): the search index and answer.json, on the seed and on
5,000 generated documents.

In process through Django's test client, so the figures are the application's own time:
- index builds: the seed and 5,000 generated documents, a worker's first build (vectors from
  the database) and a rebuild after one change (one passage embedded by the real model);
  embedding every passage from scratch is timed on a sample and extrapolated, unless
  BENCH_EMBED_ALL=1 embeds them all (an hour or more on a busy machine);
- the memory of this process (as a worker) with the model and the index loaded: RSS, PSS and
  USS, and of a second worker forked from it (what a gunicorn worker shares);
- p50/p95 of answer.json over every evaluation set: each question's vector computed by the
  model (the query-vector cache emptied before each round), then with the cache warm (every
  question asked before, as popular questions are).
The generated documents' vectors are random unit vectors stored as the model's would be: what
is timed (reading, stacking, scoring) does not depend on their values.
"""

import os
import random
import statistics
import time

from tests.assistant.evaluate import seeded_database

GENERATED = 5000
ROUNDS = 3
SAMPLE = 40  # passages embedded to time the model


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def memory() -> str:
    """RSS, PSS and USS (private pages) of this process, in MB."""
    found = {}
    with open("/proc/self/smaps_rollup") as rollup:
        for line in rollup:
            key, _, rest = line.partition(":")
            if key in ("Rss", "Pss", "Private_Clean", "Private_Dirty"):
                found[key] = int(rest.split()[0]) / 1024
    uss = found["Private_Clean"] + found["Private_Dirty"]
    return f"RSS {found['Rss']:.0f} MB, PSS {found['Pss']:.0f} MB, USS {uss:.0f} MB"


def questions():
    from tests.assistant.evaluation import all_sets

    for _, _, by_language in all_sets():
        for prefix, asked in by_language.items():
            for question in asked:
                yield prefix, question.text, getattr(question, "previous", "")


def answer_times(client, *, cached: bool = False) -> list[float]:
    from portal.search.dense import query_vectors

    times = []
    for round_number in range(ROUNDS):
        if not cached:
            query_vectors.clear()
        for number, (prefix, question, previous) in enumerate(questions()):
            address = f"10.{round_number}.{number // 250}.{number % 250}"
            params = {"q": question, **({"previous": previous} if previous else {})}
            started = time.perf_counter()
            response = client.get(f"/{prefix}/assistant/answer.json", params, REMOTE_ADDR=address)
            times.append(time.perf_counter() - started)
            assert response.status_code == 200
    return times


def report(label, times):
    """Every answer's time, and each question's best of the rounds: on a shared machine the
    best is nearer what the application itself needs."""
    count = len(times) // ROUNDS
    best = [min(times[number::count]) for number in range(count)]
    print(f"answer.json {label}: p50 {statistics.median(times) * 1000:.1f} ms, "
          f"p95 {percentile(times, 0.95) * 1000:.1f} ms over {len(times)} answers; "
          f"best of {ROUNDS} a question: p50 {statistics.median(best) * 1000:.1f} ms, "
          f"p95 {percentile(best, 0.95) * 1000:.1f} ms "
          f"(load average {os.getloadavg()[0]:.1f})", flush=True)  # fmt: skip


def generated_documents(words, characters):
    from portal.search import SearchDocument

    generator = random.Random(11)  # noqa: S311 (repeatable test data, not secrets)
    for number in range(GENERATED):
        english = " ".join(generator.choices(words, k=generator.randint(30, 70)))
        chinese = "".join(generator.choices(characters, k=generator.randint(60, 200)))
        yield SearchDocument(
            kind="bench",
            path=f"bench/{number}/",
            title={"en": " ".join(generator.choices(words, k=5)), "zh-hant": chinese[:8]},
            text={"en": english, "zh-hant": chinese},
        )


def timed(function):
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def embedding_rate(texts) -> float:
    """Seconds per passage of the real model, on a sample of `texts`."""
    from portal.search import embedding

    sample = texts[:SAMPLE]
    _, seconds = timed(lambda: embedding.embed(sample, kind="passage"))
    return seconds / len(sample)


def store_random_vectors(documents):
    """Vectors for the generated passages, as if the model had embedded them."""
    import numpy

    from portal.search import vectors
    from portal.search.dense import passage_texts

    generator = numpy.random.default_rng(11)
    keys = {vectors.digest(text) for document in documents for text in passage_texts(document)}
    rows = generator.standard_normal((len(keys), 384)).astype(numpy.float32)
    rows /= numpy.linalg.norm(rows, axis=1, keepdims=True)
    vectors.store(dict(zip(sorted(keys), rows, strict=True)))
    return len(keys)


def bench_builds(label, change_one, seed_texts):
    """A worker's first build, a rebuild after `change_one()`, and embedding from scratch."""
    from portal.search.store import build_index

    first, seconds = timed(build_index)
    passages = len(first.dense.rows) if first.dense else 0
    print(f"index build, {label} ({len(first.documents)} documents, {passages} passages), "
          f"a worker's first: {seconds * 1000:.0f} ms", flush=True)  # fmt: skip
    change_one()
    _, seconds = timed(lambda: build_index(previous=first))
    print(f"index rebuild after one change, {label}: {seconds * 1000:.0f} ms "
          "(the changed passages embedded by the model)", flush=True)  # fmt: skip
    rate = embedding_rate(seed_texts)
    print(f"embedding every passage from scratch, {label}: about {passages * rate:.0f} s "
          f"({rate * 1000:.0f} ms a passage, timed on {SAMPLE} seed passages; once, in the "
          f"background; load average {os.getloadavg()[0]:.1f})", flush=True)  # fmt: skip


def seed_change():
    from notices.models import Notice

    notice = Notice.objects.get(slug="browsers")
    notice.body_en += "<p>Changed for the benchmark.</p>"
    notice.save()


def generated_change(documents):
    from dataclasses import replace

    from portal.search import SearchSource, register

    def change():
        changed = replace(documents[0], text={**documents[0].text, "en": "Changed text."})
        register(SearchSource("bench", "bench", documents=lambda: [changed, *documents[1:]]))

    return change


def forked_worker_memory():
    """A second worker sharing the first one's pages, as gunicorn's workers do (fork)."""
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # the second worker answers a question, then reports its memory
        from portal.search import current_index

        current_index().search("how much can EMF give me")
        os.write(writer, memory().encode())
        os._exit(0)
    os.close(writer)
    os.waitpid(child, 0)
    with os.fdopen(reader) as pipe:
        return pipe.read()


def main():
    print(f"memory before Django: {memory()}")
    with seeded_database():
        from django.test import Client

        from portal.search import SearchSource, content_changed, current_index, embedding, register
        from portal.search.dense import passage_texts

        print(f"memory with Django and the seed loaded: {memory()}", flush=True)
        client = Client()
        seed = current_index()
        seed_texts = [text for document in seed.documents for text in passage_texts(document)]
        embedding.embed(["warm up"])
        print(f"memory with the model and the seed index: {memory()}", flush=True)
        bench_builds("seed", seed_change, seed_texts)
        content_changed()
        answer_times(client)  # warm
        report("seed", answer_times(client))
        report("seed, query vectors cached", answer_times(client, cached=True))

        text = " ".join(" ".join(doc.text.values()) for doc in current_index().documents)
        words = [word for word in text.split() if word.isascii() and word.isalpha()]
        characters = [char for char in text if "\u4e00" <= char <= "\u9fff"]
        documents = list(generated_documents(words, characters))
        register(SearchSource("bench", "bench", documents=lambda: documents))
        if not os.environ.get("BENCH_EMBED_ALL"):
            print(f"{store_random_vectors(documents)} generated passages' vectors stored")
        bench_builds(f"seed + {GENERATED} generated", generated_change(documents), seed_texts)
        content_changed()
        current_index()
        print(f"memory with the model and the index of seed + {GENERATED}: {memory()}")
        print(f"a second worker forked from it: {forked_worker_memory()}", flush=True)
        report(f"seed + {GENERATED} generated", answer_times(client))


if __name__ == "__main__":
    main()
