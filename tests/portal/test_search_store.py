"""No request waits for an index build: it is built in a background thread, and the worker
answers from the previous index meanwhile. Passages are embedded there, never in a request."""

import threading

import pytest

from portal.search import embedding, store, vectors
from tests.schemes.factories import make_scheme

# The build thread reads the database through its own connection: rows must be committed.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def background(settings, monkeypatch):
    """A worker as in production; records which thread embedded which kind of text."""
    settings.SEARCH_BACKGROUND_BUILD = True
    monkeypatch.setattr(store, "_current", None)  # a new worker
    monkeypatch.setattr(vectors, "_memo", vectors.OrderedDict())
    calls = []
    real = embedding.embed

    def recording(texts, kind="query"):
        calls.append((threading.current_thread().name, kind))
        return real(texts, kind=kind)

    monkeypatch.setattr(embedding, "embed", recording)
    yield calls
    store.wait_for_background_build()


def _titles(client, query):
    response = client.get("/en/search/", {"q": query})
    return [result["title"] for result in response.context["results"]]


def test_after_a_save_the_worker_answers_from_the_previous_index_until_the_next_is_built(
    client, background
):
    make_scheme(name_en="Export Marketing Fund", name_zh_hant="市場推廣基金")
    assert _titles(client, "marketing fund")[0] == "Export Marketing Fund"
    store.wait_for_background_build()  # the new passages' vectors, embedded meanwhile
    make_scheme(name_en="Loan Guarantee Fund", name_zh_hant="信貸保證基金")
    assert "Loan Guarantee Fund" not in _titles(client, "guarantee fund")  # not built yet
    store.wait_for_background_build()
    assert _titles(client, "guarantee fund")[0] == "Loan Guarantee Fund"
    passages = [thread for thread, kind in background if kind == "passage"]
    assert passages and set(passages) == {"search-index"}  # never in the request's thread


def test_a_starting_worker_builds_its_index_without_embedding_then_embeds_in_background(
    client, background
):
    make_scheme(name_en="Export Marketing Fund", name_zh_hant="市場推廣基金")
    store.warm_up()
    assert store._current is not None and not store._current.dense.complete
    assert ("MainThread", "passage") not in background
    _titles(client, "marketing fund")
    store.wait_for_background_build()
    assert store._current.dense.complete
