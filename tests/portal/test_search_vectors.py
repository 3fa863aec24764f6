"""Passage vectors are computed once, stored by model and content hash, and shared.

The real model embeds here (a few short passages); a recorder around `embed` only counts."""

import pytest

from portal.models import PassageVector
from portal.search import content_changed, embedding, vectors
from portal.search.dense import passage_texts
from portal.search.store import build_index
from tests.schemes.factories import add_section, make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def embedded(monkeypatch):
    """The texts the model embeds as passages, in order (it still embeds them)."""
    texts = []
    real = embedding.embed

    def recording(batch, kind="query"):
        if kind == "passage":
            texts.extend(batch)
        return real(batch, kind=kind)

    monkeypatch.setattr(embedding, "embed", recording)
    monkeypatch.setattr(vectors, "_memo", vectors.OrderedDict())  # as in a fresh process
    return texts


@pytest.fixture
def scheme():
    scheme = make_scheme(slug="emf", name_en="Export Marketing Fund", name_zh_hant="市場推廣基金")
    add_section(scheme, anchor="funding", body_en="<p>Up to HK$100,000 for each application.</p>",
                body_zh_hant="<p>每宗申請最多資助100,000港元。</p>")  # fmt: skip
    return scheme


def test_every_passage_is_embedded_once_and_stored_for_every_process(embedded, scheme):
    first = build_index()
    assert len(embedded) == PassageVector.objects.count() == len(first.dense.rows)
    embedded.clear()
    again = build_index()  # a new process: nothing to go on but the database
    assert embedded == []
    assert (again.dense.matrix == first.dense.matrix).all()


def test_a_rebuild_after_an_edit_embeds_only_the_changed_passage(embedded, scheme):
    index = build_index()
    section = scheme.sections.get()
    section.body_en = "<p>Up to HK$150,000 for each application.</p>"
    section.save()
    content_changed()
    embedded.clear()
    build_index(previous=index)
    assert embedded == ["Export Marketing Fund: Funding\nUp to HK$150,000 for each application."]


def test_vectors_are_keyed_by_the_model_so_a_new_model_embeds_again(embedded, scheme, monkeypatch):
    build_index()
    monkeypatch.setattr(embedding, "MODEL_NAME", "another-model")
    embedded.clear()
    build_index()
    assert embedded and PassageVector.objects.filter(model="another-model").exists()


def test_stored_vectors_are_what_the_model_gives(scheme):
    text = passage_texts(build_index().documents[0])[0]
    (stored,) = vectors.stored([vectors.digest(text)]).values()
    direct = embedding.embed([text], kind="passage")[0]
    assert abs(float(stored @ direct) - 1) < 1e-3  # float16 storage, unit vectors


def test_export_import_and_prune_keep_only_the_passages_in_use(tmp_path, scheme):
    documents = build_index().documents
    in_use = {vectors.digest(text) for doc in documents for text in passage_texts(doc)}
    path = tmp_path / "vectors.npz"
    assert vectors.export_file(path, in_use) == len(in_use)
    PassageVector.objects.all().delete()
    assert vectors.import_file(path) == len(in_use)
    vectors.store({"0" * 64: embedding.embed(["old text"], kind="passage")[0]})
    assert vectors.prune(in_use) == 1
    assert set(PassageVector.objects.values_list("digest", flat=True)) == in_use


def test_a_worker_starting_embeds_nothing_and_leaves_the_rest_for_later(embedded, scheme):
    index = build_index(embed_missing=False)
    assert embedded == [] and not index.dense.complete
    assert build_index(previous=index).dense.complete
