"""What schemes contribute to the site's search: each scheme, and each of its sections."""

from django.utils.translation import gettext_lazy as _

from portal.search import SearchDocument, SearchSource, register
from portal.search.documents import join_text, language_free_url, translated, translated_text

from .models import Scheme


def scheme_documents():
    schemes = Scheme.objects.published().select_related("organisation")
    for scheme in schemes.prefetch_related("sections", "contacts"):
        contacts = join_text(contact.value for contact in scheme.contacts.all())
        names = translated(scheme, "name")
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
            extra={"closes_on": scheme.closes_on},
        )
        for section in scheme.sections.all():
            headings = translated(section, "heading")
            yield SearchDocument(
                kind="scheme",
                path=language_free_url(scheme, section.anchor),
                title={code: f"{names[code]}: {heading}" for code, heading in headings.items()},
                text=translated_text(section, "body"),
                keywords=scheme.abbreviation,
                extra={"closes_on": scheme.closes_on},
            )


register(
    SearchSource(
        kind="scheme",
        label=_("Funding schemes"),
        documents=scheme_documents,
    )
)
