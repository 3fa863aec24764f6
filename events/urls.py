from django.urls import path, re_path

from events import views
from events.feeds import UpcomingEventsAtomFeed

app_name = "events"
# Fixed paths before `<slug>/`, so no event can hide them.
urlpatterns = [
    path("", views.UpcomingEventListView.as_view(), name="list"),
    path("past/", views.PastEventListView.as_view(), name="past"),
    path("feed.ics", views.UpcomingEventsIcsView.as_view(), name="feed-ics"),
    path("feed.atom", UpcomingEventsAtomFeed(), name="feed-atom"),
    re_path(
        r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", views.EventMonthView.as_view(), name="month"
    ),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("<slug:slug>/calendar.ics", views.EventIcsView.as_view(), name="ics"),
]
