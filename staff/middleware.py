"""The admin for signed-in staff: a verified second factor first, then their own language."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from portal.staff import is_admin_path
from staff.models import ADMIN_LANGUAGES
from staff.services import has_second_factor, staff_language

ADMIN_LANGUAGE_COOKIE = "admin_language"
# All a signed-in session without a verified second factor may reach.
WITHOUT_SECOND_FACTOR = {
    "admin:login",
    "admin:logout",
    "staff:enrol",
    "staff:qr-code",
    "staff:verify",
    "staff:language",
}


class SecondFactorMiddleware:
    """After django_otp's OTPMiddleware, which gives `request.user.is_verified()`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if (
            not is_admin_path(request.path_info)
            or not user.is_authenticated
            or user.is_verified()
            or request.resolver_match.view_name in WITHOUT_SECOND_FACTOR
        ):
            return None
        if not has_second_factor(user):
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
