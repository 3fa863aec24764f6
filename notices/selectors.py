"""Reading notices for the public pages, once per content generation in each process."""

from portal.pagecache.memo import content_memo

from .models import Notice


@content_memo
def notice_list_public() -> list[Notice]:
    """Every published notice, in the model's order."""
    return list(Notice.objects.published())


@content_memo(max_entries=100)  # a notice's body may be long: the most asked for are kept
def notice_page(slug: str) -> Notice | None:
    """A published notice, or None."""
    return Notice.objects.published().filter(slug=slug).first()
