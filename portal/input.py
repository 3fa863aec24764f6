"""One cleaner for everything a visitor sends: the path, every query parameter and every form
field, on every route (pages, JSON, the admin and routes added later), before any view or
lookup reads them.

Text with NUL or another control character, or a lone UTF-16 surrogate, is refused with a 400
in the page's language (JSON for JSON endpoints): PostgreSQL cannot store NUL, OpenCC and
psycopg raise on lone surrogates, and no form we offer can produce them. Tab, newline and
carriage return stay allowed: text areas send them.
"""

import re

from portal.errors import bad_request

UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def is_unreadable(text: str) -> bool:
    """Whether `text` holds a character no field of ours accepts."""
    return UNREADABLE.search(text) is not None


def _parameters_unreadable(parameters) -> bool:
    return any(
        is_unreadable(name)
        or any(is_unreadable(value) for value in values if isinstance(value, str))
        for name, values in parameters.lists()
    )


def request_input_unreadable(request) -> bool:
    if is_unreadable(request.path_info) or _parameters_unreadable(request.GET):
        return True
    if request.method == "POST" and request.content_type in FORM_TYPES:
        return _parameters_unreadable(request.POST)
    return False


class InputCleanerMiddleware:
    """Refuses unreadable input before the page cache, CSRF or any view reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request_input_unreadable(request):
            return bad_request(request)
        return self.get_response(request)
