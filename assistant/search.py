"""What the assistant contributes to the search engine: curated answers, synonyms and how
owners write (colloquial phrases)."""

from django.utils.translation import gettext_lazy as _

from portal.search import (
    SearchDocument,
    SearchSource,
    register,
    register_phrases,
    register_synonyms,
)
from portal.search.documents import join_text, translated, translated_text
from portal.search.registry import register_derived

from .answers import names_on_site
from .models import ColloquialPhrase, CuratedAnswer, SynonymGroup
from .personal_data import published_phone_numbers


def answer_documents():
    for answer in CuratedAnswer.objects.published():
        paths = answer.link_paths
        yield SearchDocument(
            kind="answer",
            path=paths[0] if paths else "",
            title=translated(answer, "question"),
            text=translated_text(answer, "answer"),
            keywords=join_text(translated(answer, "phrasings").values()),
            extra={"answer": translated(answer, "answer"), "links": paths, "pk": answer.pk},
        )


def synonym_groups():
    return [group.term_list for group in SynonymGroup.objects.all()]


def colloquial_phrases():
    return list(ColloquialPhrase.objects.values_list("spoken", "written"))


register(
    SearchSource(
        kind="answer",
        label=_("Answers"),
        documents=answer_documents,
        in_site_search=False,
    )
)
register_synonyms(synonym_groups)
register_phrases(colloquial_phrases)


def published_numbers(index) -> frozenset:
    """Every telephone number the pages publish (visitors may ask about them)."""
    return published_phone_numbers(" ".join(doc.text.values()) for doc in index.documents)


register_derived("phone_numbers", published_numbers)
register_derived("names on site", names_on_site)
