"""What schemes contribute to the site's search: each scheme, each of its sections, and the
eligibility check (so "am I eligible?" can be answered with it)."""

from django.urls import reverse
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from portal.i18n import languages
from portal.search import SearchDocument, SearchSource, register
from portal.search.documents import join_text, language_free_url, translated, translated_text

from .models import EligibilityQuestion, Scheme


def scheme_documents():
    schemes = Scheme.objects.published().select_related("organisation")
    for scheme in schemes.prefetch_related("sections", "contacts"):
        contacts = join_text(contact.value for contact in scheme.contacts.all())
        names = translated(scheme, "name")
        extra = {"slug": scheme.slug, "closes_on": scheme.closes_on}
        organisation = translated(scheme.organisation, "name")
        yield SearchDocument(
            kind="scheme",
            path=language_free_url(scheme),
            title=names,
            text={
                code: join_text([summary, organisation[code], contacts])
                for code, summary in translated_text(scheme, "summary").items()
            },
            keywords=scheme.abbreviation,
            extra=extra,
        )
        for section in scheme.sections.all():
            headings = translated(section, "heading")
            yield SearchDocument(
                kind="scheme",
                path=language_free_url(scheme, section.anchor),
                title={code: f"{names[code]}: {heading}" for code, heading in headings.items()},
                text=translated_text(section, "body"),
                keywords=scheme.abbreviation,
                extra=extra,
            )
    yield eligibility_check_document()


def eligibility_check_document() -> SearchDocument:
    """The check's title and what it asks: not a scheme, so it carries no slug."""
    questions = [translated(question, "text") for question in EligibilityQuestion.objects.all()]
    title, text = {}, {}
    for code in languages.STORED_CODES:
        with override(code):
            title[code] = gettext("Check which schemes your business can apply for")
            text[code] = join_text(
                [gettext("Eligibility check"), *(question[code] for question in questions)]
            )
    with override(languages.ENGLISH.code):
        path = reverse("schemes:check").lstrip("/").partition("/")[2]
    return SearchDocument(kind="scheme", path=path, title=title, text=text)


register(
    SearchSource(
        kind="scheme",
        label=_("Funding schemes"),
        documents=scheme_documents,
    )
)
