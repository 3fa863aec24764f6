from django.urls import path
from django.views.generic import TemplateView

from alerts import views

app_name = "alerts"
urlpatterns = [
    path("subscribe/", views.SubscribeView.as_view(), name="subscribe"),
    path(
        "check-your-email/",
        TemplateView.as_view(template_name="alerts/check_email.html"),
        name="check-email",
    ),
    path("confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("manage/<str:token>/", views.ManageView.as_view(), name="manage"),
    path("unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]
