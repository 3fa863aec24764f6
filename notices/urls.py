from django.urls import path

from notices import views

app_name = "notices"
urlpatterns = [
    path("", views.NoticeListView.as_view(), name="list"),
    path("<slug:slug>/", views.NoticeDetailView.as_view(), name="detail"),
]
