from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from events import selectors
from events.forms import EventFilterForm
from events.ical import ical_calendar, ical_event
from events.models import Event
from portal.preview import PreviewMixin
from portal.site import absolute_url, site_domain, site_netloc


def upcoming_filter_form(request) -> EventFilterForm:
    return EventFilterForm(
        request.GET, organisers=selectors.organisation_list_with_upcoming_events()
    )


def filtered_upcoming_events(request, *, now):
    """The filter form read from the query string, and the upcoming events it selects."""
    form = upcoming_filter_form(request)
    return form, selectors.event_list_public(now=now, **form.filters())


def subscription_links(request, form) -> dict:
    query = form.query_string()
    ics_path = reverse("events:feed-ics") + query
    return {
        "ics_feed_url": ics_path,
        "webcal_feed_url": f"webcal://{site_netloc()}{ics_path}",
        "atom_feed_url": reverse("events:feed-atom") + query,
    }


class UpcomingEventListView(ListView):
    template_name = "events/event_list.html"
    paginate_by = selectors.UPCOMING_PAGE_SIZE
    cache_query_parameters = (*EventFilterForm.base_fields, "page")

    def get(self, request, *args, **kwargs):
        self.form = upcoming_filter_form(request)
        response = super().get(request, *args, **kwargs)
        # Unknown filter values get the page with a message, as a client error.
        response.status_code = 200 if self.form.is_valid() else 400
        return response

    def get_queryset(self):
        return selectors.event_list_upcoming(now=timezone.now(), **self.form.filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.form.query_string()
        return {
            **context,
            "form": self.form,
            "event_count": context["paginator"].count,
            "month_groups": selectors.events_by_month(context["object_list"]),
            "this_month": timezone.localdate(),
            "page_query": f"{query}&page=" if query else "?page=",
            **subscription_links(self.request, self.form),
        }


class EventMonthView(TemplateView):
    template_name = "events/event_month.html"

    def get_context_data(self, **kwargs):
        year, month = int(kwargs["year"]), int(kwargs["month"])
        if not selectors.month_is_shown(year, month):
            raise Http404
        calendar = selectors.month_calendar(
            year=year,
            month=month,
            events=selectors.event_list_in_month(year=year, month=month),
            today=timezone.localdate(),
        )
        return super().get_context_data(calendar=calendar, **kwargs)


class PastEventListView(ListView):
    template_name = "events/event_past.html"
    paginate_by = selectors.PAST_PAGE_SIZE
    cache_query_parameters = ("page",)

    def get_queryset(self):
        return selectors.event_list_past(now=timezone.now())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["year_groups"] = selectors.events_by_year(context["object_list"])
        context["page_query"] = "?page="
        return context


class EventDetailView(PreviewMixin, DetailView):
    model = Event
    published_by_slug = staticmethod(selectors.event_page)

    def get_preview_queryset(self):
        now = timezone.now()
        return Event.objects.prefetch_related(selectors.organisers_prefetch(now=now))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            registration_open=selectors.registration_is_open(event=self.object, now=timezone.now()),
            is_upcoming=self.object.end_day >= timezone.localdate(),
            **kwargs,
        )


class EventIcsView(EventDetailView):
    """ "Add to calendar": one event as an .ics file."""

    def render_to_response(self, context, **response_kwargs):
        event = self.object
        if not event.has_exact_day:
            raise Http404  # a year or a month is no calendar entry
        content = ical_calendar(
            name=event.title,
            components=[
                ical_event(
                    event=event,
                    url=absolute_url(event.get_absolute_url()),
                    host=site_domain(),
                    now=timezone.now(),
                )
            ],
        )
        response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
        return response


class UpcomingEventsIcsView(View):
    """The upcoming events, with the list's filters, as a calendar to subscribe to."""

    cache_query_parameters = tuple(EventFilterForm.base_fields)

    def get(self, request):
        now = timezone.now()
        form, events = filtered_upcoming_events(request, now=now)
        if not form.is_valid():
            return HttpResponseBadRequest(
                " ".join(error for errors in form.errors.values() for error in errors),
                content_type="text/plain; charset=utf-8",
            )
        content = ical_calendar(
            name=_("Support for SMEs: events"),
            components=[
                ical_event(
                    event=event,
                    url=absolute_url(event.get_absolute_url()),
                    host=site_domain(),
                    now=now,
                )
                for event in selectors.event_list_feed(events)
                if event.has_exact_day
            ],
        )
        return HttpResponse(content, content_type="text/calendar; charset=utf-8")
