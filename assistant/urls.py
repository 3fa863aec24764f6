from django.urls import path

from . import views

app_name = "assistant"
urlpatterns = [
    path("", views.AssistantView.as_view(), name="ask"),
    path("answer.json", views.AnswerJsonView.as_view(), name="answer-json"),
    path("answers/<int:pk>/", views.CuratedAnswerDetailView.as_view(), name="answer"),
    path("feedback/", views.FeedbackView.as_view(), name="feedback"),
]
