"""Activates the language named by the URL prefix, in place of Django's LocaleMiddleware."""

from django.conf import settings
from django.utils import translation

from . import languages
from .simplified import is_convertible, simplified_page
from .urls import language_from_path

SIMPLIFIED_URLCONF = "portal.urls_simplified"


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = activate_page_language(request)
        response = self.get_response(request)
        if language:
            response.headers.setdefault("Content-Language", language.html_lang)
            if response.status_code == 200:
                remember_language(request, response, language)
        return response


def activate_page_language(request):
    """Set the request's page language and activate its translation; returns the language
    named by the URL prefix (None when unprefixed). Error pages call it too, as they may be
    made before this middleware ran."""
    language = language_from_path(request.path_info)
    # Unprefixed paths (admin, health checks, static) use the default language.
    request.page_language = language or languages.DEFAULT
    request.LANGUAGE_CODE = request.page_language.code
    if language is languages.SIMPLIFIED:
        # A Simplified page is the Traditional page (strings, content, formats) under
        # /sc/ URLs; SimplifiedConversionMiddleware converts it on the way out.
        request.urlconf = SIMPLIFIED_URLCONF
        translation.activate(languages.TRADITIONAL.code)
    else:
        translation.activate(request.page_language.code)
    return language


def remember_language(request, response, language):
    """Keep the visitor's last language so `/` can send them back to it."""
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) == language.code:
        return
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language.code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class SimplifiedConversionMiddleware:
    """Turns every /sc/ response, rendered from the Traditional text, into Simplified Chinese.

    Sits inside ConditionalGetMiddleware and CommonMiddleware so that ETag and Content-Length
    describe the converted body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(request, "page_language", None) is not languages.SIMPLIFIED
            or response.streaming
            or not is_convertible(response.get("Content-Type", ""))
            or getattr(response, "simplified", False)  # an error page converted as it was made
        ):
            return response
        charset = response.charset or "utf-8"
        converted = simplified_page(
            response.content.decode(charset),
            response["Content-Type"],
            # Visitors choose query strings and (for 404s) paths: neither may add entries.
            shareable=response.status_code == 200 and not request.META.get("QUERY_STRING"),
        )
        response.content = converted.encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
