"""Keeping a notice's "last revised" date true to its text."""

import datetime

from modeltranslation.utils import build_localized_fieldname

from notices.models import Notice
from portal.i18n.languages import STORED_CODES

TRANSLATED_CONTENT = ("title", "body", "link_url", "closing_text")
SHARED_CONTENT = ("enquiry_phone", "enquiry_email")


def notice_content_fields() -> list[str]:
    """The columns whose change the public would see as a revision of the statement."""
    translated = [
        build_localized_fieldname(field, code)
        for field in TRANSLATED_CONTENT
        for code in STORED_CODES
    ]
    return [*translated, *SHARED_CONTENT]


def notice_revise(*, notice: Notice, previous: Notice | None, today: datetime.date) -> bool:
    """Date a published notice's revision today when its text changed; True if it did.

    Staff who set the date themselves (e.g. to match a printed version) keep their date.
    The caller saves the notice; django-reversion keeps the previous text.
    """
    if previous is None or notice.status != Notice.Status.PUBLISHED:
        return False
    if notice.last_revised != previous.last_revised:
        return False
    changed = any(
        (getattr(notice, field) or "") != (getattr(previous, field) or "")
        for field in notice_content_fields()
    )
    if changed:
        notice.last_revised = today
    return changed
