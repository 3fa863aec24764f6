from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from events.forms import EventFilterForm
from events.selectors import event_list_feed
from events.views import filtered_upcoming_events
from portal.i18n.feeds import LanguageFeed


class UpcomingEventsAtomFeed(LanguageFeed):
    """The next upcoming events (FEED_LIMIT) in the page's language, following the list's
    filters."""

    cache_query_parameters = tuple(EventFilterForm.base_fields)

    def get_object(self, request, *args, **kwargs):
        form, events = filtered_upcoming_events(request, now=timezone.now())
        if not form.is_valid():
            raise Http404
        return events

    def title(self):
        return _("Support for SMEs: upcoming events")

    def subtitle(self):
        return _("Seminars, workshops, trade fairs and business missions for SMEs.")

    def link(self):
        return reverse("events:list")

    def items(self, events):
        return event_list_feed(events)

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        return event.summary

    def item_pubdate(self, event):
        return event.created_at

    def item_updateddate(self, event):
        return event.updated_at
