from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.i18n import languages

from .models import Scheme


class SchemeUpdatesFeed(Feed):
    """New and updated schemes, newest change first, in the page's language."""

    feed_type = Atom1Feed

    def title(self):
        return _("Funding schemes: new and updated | Support for SMEs")

    def subtitle(self):
        return _("Government funding schemes for SMEs, as they are added or changed.")

    def link(self):
        return reverse("schemes:list")

    def feed_url(self):
        return reverse("schemes:feed")

    @property
    def language(self):  # BCP 47, not Django's code: Atom's xml:lang
        return languages.by_code(get_language()).html_lang

    def items(self):
        schemes = Scheme.objects.published().select_related("organisation")
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
