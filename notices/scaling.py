"""Generated notices for `manage.py seed_grow`: copies of the seed's statements."""

from portal.scaling import Growth, copies_create, numbered, row_copy, seed_rows

from .models import Notice


def notices_grow(growth: Growth) -> int:
    seed = seed_rows(Notice.objects.statements())
    start = Notice.objects.count()
    pairs = []
    for offset in range(growth.wanted("notice", start)):
        number = start + offset + 1
        template = seed[offset % len(seed)]
        titles = {"title_en": template.title_en, "title_zh_hant": template.title_zh_hant}
        copy = row_copy(
            template,
            slug=f"{template.slug}-x{number}",
            order=1000 + number,
            **numbered(titles, number),
        )
        pairs.append((copy, template))
    return len(copies_create(growth, pairs))
