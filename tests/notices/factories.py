import datetime
from itertools import count

from notices.models import Notice
from portal.models import Publishable

_numbers = count(1)

REVISED = datetime.date(2024, 5, 2)


def make_notice(**fields) -> Notice:
    number = next(_numbers)
    defaults = {
        "slug": f"notice-{number}",
        "title_en": f"Notice {number}",
        "title_zh_hant": f"告示{number}",
        "body_en": f"<p>Text of notice {number}.</p>",
        "body_zh_hant": f"<p>告示{number}的內文。</p>",
        "order": number,
        "last_revised": REVISED,
        "status": Publishable.Status.PUBLISHED,
    }
    return Notice.objects.create(**{**defaults, **fields})
