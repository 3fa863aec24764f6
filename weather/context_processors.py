from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from portal.i18n.languages import ENGLISH

from .selectors import weather_now


def weather(request):
    """`weather` for base.html, read from the cache only when a template uses it. Simplified
    pages render in Traditional, so they get HKO's Traditional names, converted."""
    hko_language = "en" if get_language() == ENGLISH.code else "tc"
    return {
        "weather": SimpleLazyObject(
            lambda: weather_now(now=timezone.now(), hko_language=hko_language)
        )
    }
