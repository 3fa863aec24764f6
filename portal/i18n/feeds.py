from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .context import page_language


class PlainTextAtom1Feed(Atom1Feed):
    """Atom whose summaries are plain text (`type="text"`), as our summaries are: a reader
    then shows `<img onerror=…>` in a summary as the characters it is, never as markup."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class LanguageFeed(Feed):
    """A syndication feed that states the language its reader gets (zh-Hans on /sc/ feeds,
    which are rendered in Traditional Chinese and converted)."""

    feed_type = PlainTextAtom1Feed

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = page_language(request).html_lang
        return feed
