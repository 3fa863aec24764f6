from django.urls import path

from . import views
from .feeds import SchemeUpdatesFeed

app_name = "schemes"
urlpatterns = [
    path("", views.SchemeListView.as_view(), name="list"),
    path("feed/", SchemeUpdatesFeed(), name="feed"),
    path("<slug:slug>/", views.SchemeDetailView.as_view(), name="detail"),
]
