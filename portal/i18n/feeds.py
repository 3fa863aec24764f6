from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from portal.site import site_is_secure, site_netloc

from .context import page_language


class PlainTextAtom1Feed(Atom1Feed):
    """Atom whose summaries are plain text (`type="text"`), as our summaries are: a reader
    then shows `<img onerror=…>` in a summary as the characters it is, never as markup."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class _OnPublicSite:
    """The request as Django's feeds see it: on SITE_URL's host and scheme, whatever Host the
    client sent (syndication builds every link and id from `get_host()` and `is_secure()`)."""

    def __init__(self, request):
        self._request = request

    def __getattr__(self, name):
        return getattr(self._request, name)

    def get_host(self):
        return site_netloc()

    def is_secure(self):
        return site_is_secure()


class LanguageFeed(Feed):
    """A syndication feed that states the language its reader gets (zh-Hans on /sc/ feeds,
    which are rendered in Traditional Chinese and converted), its links on SITE_URL."""

    feed_type = PlainTextAtom1Feed

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, _OnPublicSite(request))
        feed.feed["language"] = page_language(request).html_lang
        return feed
