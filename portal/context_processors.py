from portal.i18n.context import language_context
from portal.pagecache.memo import ContentFragments


def site(request):
    return {**language_context(request), "content_fragments": ContentFragments()}
