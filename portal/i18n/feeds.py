from django.contrib.syndication.views import Feed

from .context import page_language


class LanguageFeed(Feed):
    """A syndication feed that states the language its reader gets (zh-Hans on /sc/ feeds,
    which are rendered in Traditional Chinese and converted)."""

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = page_language(request).html_lang
        return feed
