"""What events contribute to the site's search."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.search import SearchDocument, SearchSource, register
from portal.search.documents import language_free_url, translated, translated_text

from .models import Event

TEXT_FIELDS = ("summary", "venue_name", "venue_address", "status_note", "description")


def event_documents():
    """`past` (when the index was built): site search ranks events that are over lower."""
    past = set(Event.objects.published().past(timezone.now()).values_list("pk", flat=True))
    for event in Event.objects.published():
        yield SearchDocument(
            kind="event",
            path=language_free_url(event),
            title=translated(event, "title"),
            text=translated_text(event, *TEXT_FIELDS),
            keywords=event.get_category_display(),
            extra={"past": event.pk in past},
        )


register(SearchSource(kind="event", label=_("Events"), documents=event_documents))
