"""The URLconf of /sc/ requests.

Simplified pages are rendered in Traditional Chinese (then converted), so the active language
is zh-hant while every link they reverse must stay under /sc/.
"""

from portal.i18n.languages import SIMPLIFIED
from portal.i18n.urls import prefixed_patterns
from portal.urls import handler404, handler500, localised_patterns, unprefixed_patterns

urlpatterns = [*unprefixed_patterns, *prefixed_patterns(*localised_patterns, language=SIMPLIFIED)]

__all__ = ["handler404", "handler500", "urlpatterns"]
