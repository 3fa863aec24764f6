"""What the important notices contribute to the site's search."""

from django.utils.translation import gettext_lazy as _

from portal.search import SearchDocument, SearchSource, register
from portal.search.documents import language_free_url, translated, translated_text

from .models import Notice


def notice_documents():
    for notice in Notice.objects.published():
        contacts = f"{notice.enquiry_phone} {notice.enquiry_email}"
        yield SearchDocument(
            kind="notice",
            path=language_free_url(notice),
            title=translated(notice, "title"),
            text=translated_text(notice, "body", "closing_text", extra=contacts),
            extra={
                "phone": notice.enquiry_phone,
                "email": notice.enquiry_email,
                "slug": notice.slug,
            },
        )


register(SearchSource(kind="notice", label=_("Notices"), documents=notice_documents))
