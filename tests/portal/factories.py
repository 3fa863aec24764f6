from itertools import count

from portal.models import Organisation, Publishable

_numbers = count(1)


def make_organisation(**fields) -> Organisation:
    number = next(_numbers)
    defaults = {
        "slug": f"organisation-{number}",
        "name_en": f"Organisation {number}",
        "name_zh_hant": f"機構{number}",
        "status": Publishable.Status.PUBLISHED,
    }
    return Organisation.objects.create(**{**defaults, **fields})
