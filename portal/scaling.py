"""Growing the seed to a bigger site (`manage.py seed_grow`), to measure and look at one.

Each app with content offers `seed_grow(growth)` on its AppConfig, as `reindex_search` is
offered to `manage.py search_reindex`; the command calls them in INSTALLED_APPS order (portal's
organisations first). Generated items copy the seed's own rows, so their English and Chinese
texts have the seed's lengths, with numbered names and slugs ending in `-x<number>`. The same
seed and factor give the same site (one fixed random generator per app); event dates follow
the current year.
"""

import random
import re
from dataclasses import dataclass, field

from django.db import models

# Items at factor 1; the "10×" site is factor 10 (200 schemes, 2,000 events…).
PER_FACTOR = {"organisation": 5, "scheme": 20, "event": 200, "notice": 10, "answer": 20}
GENERATED_SLUG = re.compile(r"-x\d+$")


@dataclass
class Growth:
    factor: float
    # language-free address of a generated item -> that of the seed item it copies
    copied_from: dict[str, str] = field(default_factory=dict)

    def wanted(self, kind: str, existing: int) -> int:
        """How many more items of `kind` make the site its factor's size."""
        return max(0, round(PER_FACTOR[kind] * self.factor) - existing)

    def random(self, name: str) -> random.Random:
        return random.Random(f"seed_grow:{name}")  # noqa: S311 (test content, not secrets)


def seed_rows(queryset, *, generated=lambda row: GENERATED_SLUG.search(row.slug)) -> list:
    """The rows generated items copy: the seed's, not earlier generated ones."""
    return [row for row in queryset.order_by("pk") if not generated(row)]


def row_copy(row: models.Model, **changes) -> models.Model:
    """An unsaved copy of `row` (every column, each language's) with `changes` applied."""
    values = {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if not field.primary_key
    }
    return type(row)(**{**values, **changes})


def copies_create(growth: Growth, pairs: list[tuple[models.Model, models.Model]]) -> list:
    """Save the copies (in one query) and remember which seed item each copies."""
    from portal.search.documents import language_free_url

    if not pairs:
        return []
    copies = type(pairs[0][0]).objects.bulk_create([copy for copy, _ in pairs])
    for copy, (_, template) in zip(copies, pairs, strict=True):
        growth.copied_from[language_free_url(copy)] = language_free_url(template)
    return copies


def numbered(texts: dict[str, str], number: int) -> dict[str, str]:
    """Translated field values with a number after them, in each language's style."""
    return {
        name: (f"{value}（{number}）" if name.endswith("_zh_hant") else f"{value} ({number})")
        if value
        else value
        for name, value in texts.items()
    }


def vectors_borrow(copied_from: dict[str, str]) -> int:
    """Store, for each passage of a generated item that has no vector, the vector of the seed
    passage it copies (same language, same place): the generated texts differ from the seed's
    only by a number, so the model is not run for thousands of near-identical passages. Seed
    passages without a stored vector are embedded (in batches). Returns how many were stored."""
    from portal.search.dense import passage_text, passages
    from portal.search.registry import sources
    from portal.search.vectors import digest, passage_vectors, store

    def seed_path(path: str) -> str | None:
        address, hash_mark, fragment = path.partition("#")
        seed = copied_from.get(address)
        return seed + hash_mark + fragment if seed else None

    documents = {doc.path: doc for source in sources() for doc in source.documents()}
    wanted: dict[str, str] = {}  # generated passage digest -> the seed passage's text
    for path, document in documents.items():
        seed = documents.get(seed_path(path) or "")
        if seed is None:
            continue
        by_code: dict[str, list[str]] = {}
        for passage in passages(seed):
            by_code.setdefault(passage.code, []).append(passage_text(seed, passage))
        counts: dict[str, int] = {}
        for passage in passages(document):
            texts = by_code.get(passage.code)
            if texts:
                place = counts.get(passage.code, 0)
                counts[passage.code] = place + 1
                wanted[digest(passage_text(document, passage))] = texts[min(place, len(texts) - 1)]
    seed_texts = {digest(text): text for text in wanted.values()}
    found = passage_vectors(seed_texts)
    borrowed = {key: found[digest(text)] for key, text in wanted.items() if digest(text) in found}
    store(borrowed)
    return len(borrowed)


def organisations_grow(growth: Growth) -> int:
    from portal.models import Organisation

    seed = seed_rows(Organisation.objects.all())
    start = Organisation.objects.count()
    copies = []
    for offset in range(growth.wanted("organisation", start)):
        number = start + offset + 1
        template = seed[offset % len(seed)]
        names = numbered(
            {"name_en": template.name_en, "name_zh_hant": template.name_zh_hant}, number
        )
        copies.append((row_copy(template, slug=f"{template.slug}-x{number}", **names), template))
    copies_create(growth, copies)
    return len(copies)
