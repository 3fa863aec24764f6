from django.urls import path

from staff import views

app_name = "staff"

urlpatterns = [
    path("two-factor/set-up/", views.EnrolView.as_view(), name="enrol"),
    path("two-factor/set-up/qr-code.svg", views.QRCodeView.as_view(), name="qr-code"),
    path("two-factor/", views.VerifyView.as_view(), name="verify"),
    path("language/", views.LanguageView.as_view(), name="language"),
    path("password/", views.PasswordChangeView.as_view(), name="password-change"),
]
