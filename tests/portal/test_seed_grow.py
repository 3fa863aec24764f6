"""`manage.py seed_grow`: the seed grown to a factor, the same every time, every page served."""

import pytest
from django.core.management import call_command

from assistant.models import CuratedAnswer
from events.models import Event
from notices.models import Notice
from portal.models import Organisation, PassageVector
from portal.scaling import PER_FACTOR
from portal.search.dense import passage_texts
from portal.search.registry import sources
from portal.search.vectors import digest
from schemes.models import Scheme

pytestmark = pytest.mark.django_db

FACTOR = 1
MODELS = {
    "organisation": Organisation,
    "scheme": Scheme,
    "event": Event,
    "notice": Notice,
    "answer": CuratedAnswer,
}


@pytest.fixture
def grown():
    """The seed's counts before it grows."""
    call_command("load_seed", verbosity=0)
    counts = {kind: model.objects.count() for kind, model in MODELS.items()}
    call_command("seed_grow", factor=FACTOR, verbosity=0)
    return counts


def site_summary() -> list:
    schemes = Scheme.objects.order_by("slug")
    return [
        list(schemes.values_list("slug", "name_zh_hant", "organisation__slug")),
        list(Event.objects.order_by("slug").values_list("slug", "starts_at", "organisers__slug")),
        [scheme.sections.count() for scheme in schemes],
    ]


def test_grown_site_has_each_kind_at_its_factor(grown):
    for kind, model in MODELS.items():
        wanted = max(round(PER_FACTOR[kind] * FACTOR), grown[kind])
        assert model.objects.published().count() == wanted, kind


@pytest.mark.usefixtures("grown")
def test_generated_scheme_copies_sections_contacts_and_rules_in_both_languages():
    seed = Scheme.objects.get(slug="sme-export-marketing-fund")
    copy = Scheme.objects.filter(slug__startswith="sme-export-marketing-fund-x").first()
    assert copy.name_zh_hant.startswith(seed.name_zh_hant) and copy.name_zh_hant.endswith("）")
    assert copy.summary_en == seed.summary_en
    assert [s.body_zh_hant for s in copy.sections.all()] == [
        s.body_zh_hant for s in seed.sections.all()
    ]
    assert copy.contacts.count() == seed.contacts.count()
    seed_rules = [
        sorted(rule.passing_options.values_list("pk", flat=True))
        for rule in seed.eligibility_rules.all()
    ]
    assert [
        sorted(rule.passing_options.values_list("pk", flat=True))
        for rule in copy.eligibility_rules.all()
    ] == seed_rules


@pytest.mark.usefixtures("grown")
def test_growing_again_adds_nothing_and_is_deterministic():
    before = site_summary()
    call_command("seed_grow", factor=FACTOR, verbosity=0)
    assert site_summary() == before
    Scheme.objects.filter(slug__regex=r"-x\d+$").delete()
    Event.objects.filter(slug__regex=r"-x\d+$").delete()
    call_command("seed_grow", factor=FACTOR, verbosity=0)
    after = site_summary()
    # Same slugs, names, dates and organisers (numbers follow the rows already there).
    assert [row[1:] for row in after[0]] == [row[1:] for row in before[0]]
    assert [row[1:] for row in after[1]] == [row[1:] for row in before[1]]


@pytest.mark.usefixtures("grown")
def test_every_generated_passage_has_a_vector_without_running_the_model():
    texts = [
        text for source in sources() for doc in source.documents() for text in passage_texts(doc)
    ]
    stored = set(PassageVector.objects.values_list("digest", flat=True))
    assert {digest(text) for text in texts} <= stored


@pytest.mark.usefixtures("grown")
def test_generated_pages_are_served_in_every_language(client):
    scheme = Scheme.objects.filter(slug__regex=r"-x\d+$").first()
    event = Event.objects.filter(slug__regex=r"-x\d+$").last()
    notice = Notice.objects.filter(slug__regex=r"-x\d+$").first()
    for prefix in ("en", "tc", "sc"):
        for path in ("schemes/", "events/", "events/past/", "notices/"):
            assert client.get(f"/{prefix}/{path}").status_code == 200, (prefix, path)
        for item in (scheme, event, notice):
            assert client.get(f"/{prefix}{item.get_absolute_url()[3:]}").status_code == 200
