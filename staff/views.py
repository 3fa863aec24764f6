"""Second-factor enrolment and sign-in, the QR code, and the admin's language switch.

These pages live under the admin path; `staff.middleware.SecondFactorMiddleware` lets a session
without a verified second factor reach only them and sign-out.
"""

import io

import segno
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminPasswordChangeForm
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView

from portal.staff import lockout_response
from staff import services
from staff.forms import LanguageForm, OneTimeCodeForm
from staff.middleware import ADMIN_LANGUAGE_COOKIE


class StaffAccountMixin(LoginRequiredMixin):
    login_url = reverse_lazy("admin:login")
    hint = ""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["token"].help_text = self.hint
        return form

    def get_context_data(self, **kwargs):
        return {**account_context(self.request), **super().get_context_data(**kwargs)}


def account_context(request, **extra) -> dict:
    """The admin's look, without the navigation a verified session gets."""
    return {**admin.site.each_context(request), "has_permission": False, **extra}


def next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("admin:index")


class EnrolView(StaffAccountMixin, FormView):
    """First sign-in: scan the QR code (or type the key), then prove it with a code."""

    template_name = "staff/enrol.html"
    form_class = OneTimeCodeForm
    hint = gettext_lazy("Six digits; a new code every 30 seconds.")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and services.has_second_factor(request.user):
            return redirect("staff:verify")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        device = services.totp_device_pending(self.request.user)
        return super().get_context_data(
            title=_("Set up two-factor sign-in"), text_key=services.text_key(device), **kwargs
        )

    def form_valid(self, form):
        device = services.totp_device_pending(self.request.user)
        codes = services.second_factor_enrol(
            request=self.request, device=device, token=form.cleaned_data["token"]
        )
        if codes is None:
            form.add_error("token", _("That code is not right. Check the time on your phone."))
            return self.form_invalid(form)
        # Shown once: the codes are in this response only.
        context = account_context(
            self.request, title=_("Your recovery codes"), recovery_codes=codes
        )
        return self.response_class(self.request, "staff/recovery_codes.html", context)


class QRCodeView(LoginRequiredMixin, View):
    """The pending key as a QR code image: SVG, no script or style in it; only while the
    account has no second factor."""

    login_url = reverse_lazy("admin:login")

    def get(self, request):
        # An account already set up never gets a new key: a stolen password alone must not be
        # enough to add the attacker's authenticator.
        if services.has_second_factor(request.user):
            raise Http404
        device = services.totp_device_pending(request.user)
        svg = io.BytesIO()
        segno.make(device.config_url, error="m").save(
            svg, kind="svg", scale=5, border=4, xmldecl=False, title=_("QR code")
        )
        return HttpResponse(svg.getvalue(), content_type="image/svg+xml")


class VerifyView(StaffAccountMixin, FormView):
    """Every later sign-in: a code from the authenticator app, or one recovery code."""

    template_name = "staff/verify.html"
    form_class = OneTimeCodeForm
    hint = gettext_lazy(
        "The six digits your authenticator app shows now, or one of your recovery codes."
    )

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not services.has_second_factor(request.user):
            return redirect("staff:enrol")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(title=_("Enter your one-time code"), **kwargs)
        return {**context, "next": next_url(self.request)}

    def form_valid(self, form):
        request = self.request
        credentials = {"username": request.user.get_username()}
        token = form.cleaned_data["token"]
        # While paused, no code is tried at all; a wrong code may start the pause.
        locked = services.sign_in_locked(request, credentials)
        if not locked and services.second_factor_verify(request=request, token=token):
            return redirect(next_url(request))
        if locked or services.sign_in_locked(request, credentials):
            logout(request)
            return lockout_response(request)
        form.add_error("token", _("That code is not right, or it was used already."))
        return self.form_invalid(form)


class PasswordChangeView(LoginRequiredMixin, auth_views.PasswordChangeView):
    """A password of their own, before anything else, for an account whose password an
    administrator typed (a temporary one) or asked to be changed; `SecondFactorMiddleware`
    sends them here."""

    template_name = "staff/password_change.html"
    form_class = AdminPasswordChangeForm
    login_url = reverse_lazy("admin:login")
    success_url = reverse_lazy("admin:index")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, **account_context(self.request, title=_("Choose a new password"))}

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password was changed."))
        return response


class LanguageView(View):
    """The admin header's language switch: saved on the staff member's account, and in this
    browser for the sign-in pages."""

    def post(self, request):
        form = LanguageForm(request.POST)
        response = redirect(next_url(request))
        if form.is_valid():
            language = form.cleaned_data["language"]
            if request.user.is_authenticated:
                services.staff_language_set(user=request.user, language=language)
            response.set_cookie(
                ADMIN_LANGUAGE_COOKIE,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=reverse("admin:index"),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
