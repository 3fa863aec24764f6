"""The admin for signed-in staff: a verified second factor and a password of their own first,
then their own language."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from portal.staff import is_admin_path
from staff.models import ADMIN_LANGUAGES
from staff.services import has_second_factor, password_change_required, staff_language

ADMIN_LANGUAGE_COOKIE = "admin_language"
# Always open to a signed-in session.
ALWAYS_ALLOWED = {"admin:login", "admin:logout", "staff:language"}
# All a signed-in session without a verified second factor may reach, besides those.
WITHOUT_SECOND_FACTOR = {"staff:enrol", "staff:qr-code", "staff:verify"}
PASSWORD_CHANGE = "staff:password-change"  # noqa: S105 (a view's name)


class SecondFactorMiddleware:
    """After django_otp's OTPMiddleware, which gives `request.user.is_verified()`.

    A verified second factor first; and an account whose password an administrator set or
    asked to be changed chooses a new one before anything else: before setting up its second
    factor (a new account), or right after entering its code (an account that has one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        view = request.resolver_match.view_name
        if not is_admin_path(request.path_info) or not user.is_authenticated:
            return None
        if view in ALWAYS_ALLOWED:
            return None
        verified = user.is_verified()
        has_device = verified or has_second_factor(user)
        if password_change_required(user) and (verified or not has_device):
            return None if view == PASSWORD_CHANGE else redirect(PASSWORD_CHANGE)
        if verified or view in WITHOUT_SECOND_FACTOR:
            return None
        if not has_device:
            return redirect("staff:enrol")
        return redirect(f"{reverse('staff:verify')}?{urlencode({'next': request.get_full_path()})}")


class StaffLanguageMiddleware:
    """Admin pages in the language each staff member chose; until they choose (and before
    signing in), the one last chosen in this browser; English otherwise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_admin_path(request.path_info):
            chosen = staff_language(request.user) if request.user.is_authenticated else None
            language = chosen or request.COOKIES.get(ADMIN_LANGUAGE_COOKIE)
            if language in dict(ADMIN_LANGUAGES):
                translation.activate(language)
                request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
