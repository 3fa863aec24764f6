from django.urls import path
from django.views.generic import TemplateView

app_name = "schemes"
urlpatterns = [
    path("", TemplateView.as_view(template_name="schemes/scheme_list.html"), name="list"),
]
