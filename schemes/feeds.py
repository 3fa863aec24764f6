from django.urls import reverse
from django.utils.translation import gettext as _

from portal.i18n.feeds import LanguageFeed

from .models import Scheme

FEED_FIELDS = (
    "slug",
    "name",
    "abbreviation",
    "summary",
    "created_at",
    "updated_at",
    "organisation__name",
)


class SchemeUpdatesFeed(LanguageFeed):
    """New and updated schemes, newest change first, in the page's language."""

    def title(self):
        return _("Funding schemes: new and updated | Support for SMEs")

    def subtitle(self):
        return _("Government funding schemes for SMEs, as they are added or changed.")

    def link(self):
        return reverse("schemes:list")

    def feed_url(self):
        return reverse("schemes:feed")

    def items(self):
        schemes = Scheme.objects.published().select_related("organisation")
        # A scheme row is wide (every text in both languages): read what an entry shows.
        schemes = schemes.only(*FEED_FIELDS)
        return schemes.order_by("-updated_at")[:30]

    def item_title(self, scheme):
        return str(scheme)

    def item_description(self, scheme):
        return scheme.summary

    def item_author_name(self, scheme):
        return scheme.organisation.name

    def item_pubdate(self, scheme):
        return scheme.created_at

    def item_updateddate(self, scheme):
        return scheme.updated_at
