from django.urls import path

from . import views
from .feeds import SchemeUpdatesFeed

app_name = "schemes"
urlpatterns = [
    path("", views.SchemeListView.as_view(), name="list"),
    path("feed/", SchemeUpdatesFeed(), name="feed"),
    # Before <slug>: "check" and "compare" are not scheme slugs.
    path("check/", views.EligibilityCheckView.as_view(), name="check"),
    path("compare/", views.SchemeCompareView.as_view(), name="compare"),
    path("<slug:slug>/", views.SchemeDetailView.as_view(), name="detail"),
]
