"""What portal contributes to the site's search: organisations and the section pages."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from portal.i18n import languages
from portal.models import Organisation
from portal.navigation import SECTIONS

from .documents import SearchDocument, join_text, language_free_url, translated, translated_text
from .registry import SearchSource, register


def organisation_documents():
    for organisation in Organisation.objects.published():
        contacts = f"{organisation.phone} {organisation.email}"
        yield SearchDocument(
            kind="organisation",
            path=language_free_url(organisation),
            title=translated(organisation, "name"),
            text=translated_text(organisation, "description", "address", extra=contacts),
            keywords=join_text(translated(organisation, "short_name").values()),
        )


def register_organisations():
    register(
        SearchSource(
            kind="organisation",
            label=_("Organisations"),
            documents=organisation_documents,
        )
    )


def section_documents():
    """Each section's front page (the finder, the calendar), so answers can link them."""
    for _key, url_name, label in SECTIONS:
        with override(languages.ENGLISH.code):
            path = reverse(url_name).lstrip("/").partition("/")[2]
            title_en = str(label)
        with override(languages.TRADITIONAL.code):
            title_zh = str(label)
        if path != "notices/":  # the Important Notices page is a notice document already
            yield SearchDocument(
                kind="page",
                path=path,
                title={"en": title_en, "zh-hant": title_zh},
                text={"en": "", "zh-hant": ""},
            )


def register_section_pages():
    register(SearchSource(kind="page", label=_("Pages"), documents=section_documents))
