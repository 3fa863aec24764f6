from django.urls import path
from django.views.generic import TemplateView

app_name = "notices"
urlpatterns = [
    path("", TemplateView.as_view(template_name="notices/notice_list.html"), name="list"),
]
