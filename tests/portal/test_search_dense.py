"""Meaning, not only words: dense retrieval with the real model, fused with BM25."""

import pytest
from django.core.management import call_command

from portal.search import content_changed, current_index
from portal.search.dense import PART_CHARACTERS, passages
from tests.notices.factories import make_notice
from tests.schemes.factories import add_section, make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_index():
    content_changed()


def embedded():
    """What the background build does in production: a request never embeds."""
    call_command("search_vectors", embed=True, verbosity=0)
    content_changed()


@pytest.fixture
def schemes():
    sgs = make_scheme(slug="sgs", name_en="Loan Guarantee Scheme", name_zh_hant="信貸保證計劃")
    add_section(sgs, anchor="uses", heading_en="Uses", heading_zh_hant="用途",
                body_en="<p>Loans may buy business installations and equipment.</p>",
                body_zh_hant="<p>貸款可用作購置營運設備及器材。</p>")  # fmt: skip
    emf = make_scheme(slug="emf", name_en="Export Marketing Fund", name_zh_hant="市場推廣基金")
    add_section(emf, anchor="scope", heading_en="Scope", heading_zh_hant="資助範圍",
                body_en="<p>Participation in exhibitions and trade fairs outside Hong Kong.</p>",
                body_zh_hant="<p>參加在香港以外地方舉行的貿易展銷會。</p>")  # fmt: skip
    embedded()


def test_a_question_sharing_no_word_with_the_page_finds_it_by_meaning(schemes):
    """Not one pair of characters in common: BM25 alone finds no answer."""
    index = current_index()

    def first(question):
        return index.search(question, kinds={"scheme"})[0].document.path

    assert first("可以借錢買機器嗎") == "schemes/sgs/#uses"
    assert first("去外國參展") == "schemes/emf/#scope"


def test_nonsense_finds_nothing_however_close_some_page_comes(schemes):
    assert current_index().search("zzzz qqqq") == []


def test_a_long_notice_is_embedded_in_parts_and_the_closest_part_is_kept_to_quote(schemes):
    filler = " ".join(f"Paragraph {n} is about how this website is kept." for n in range(40))
    body = f"<p>{filler}</p><p>Cookies are small files; this website sets none for visitors.</p>"
    make_notice(slug="privacy", title_en="Privacy Policy", body_en=body, body_zh_hant="")
    embedded()
    index = current_index()
    notice = index.by_path["notices/privacy/"]
    assert len(passages(notice)) >= len(notice.text["en"]) // PART_CHARACTERS
    hit = next(hit for hit in index.search("does the site use cookies") if hit.document == notice)
    assert "Cookies are small files" in hit.parts["en"]


def test_a_follow_up_is_understood_in_the_context_of_the_question_before(schemes):
    hits = current_index().search("what does it pay for", context="export marketing fund")
    assert hits[0].document.path.startswith("schemes/emf/")


def test_without_the_model_search_is_lexical_only(schemes, settings):
    settings.SEARCH_EMBEDDINGS = False
    content_changed()
    index = current_index()
    assert index.dense is None
    assert index.search("export marketing")[0].document.path.startswith("schemes/emf/")


def test_a_question_asked_again_reuses_its_vector_and_the_cache_stays_small():
    from portal.search.dense import QueryVectors

    cache = QueryVectors(size=2)
    first = cache.get(["computers"])[0]
    assert cache.get(["computers"])[0] is first  # not embedded again
    assert not first.flags.writeable  # shared: nobody may change it
    cache.get(["exhibition", "loan"])
    assert list(cache.vectors) == ["exhibition", "loan"]  # the least recently used went
    again, other = cache.get(["computers", "loan"])
    assert (again == first).all() and other is cache.vectors["loan"]


def _unit_rows(count: int, seed: int = 27):
    import numpy

    generator = numpy.random.default_rng(seed)
    vectors = generator.standard_normal((count, 384)).astype(numpy.float32)
    vectors /= numpy.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors, generator.standard_normal(384).astype(numpy.float32)


def _dense_index(vectors, digests):
    from portal.search.dense import DenseIndex

    rows = [(position // 3, None) for position in range(len(vectors))]
    return DenseIndex([None] * (len(vectors) // 3 + 1), rows, vectors, digests)


@pytest.mark.django_db(False)
def test_the_passage_vectors_are_one_file_every_worker_of_the_machine_maps(settings, tmp_path):
    """Two processes that build the same passages map the same file (its pages are held once
    by the system), float32, so a question's similarities are one matrix-vector product."""
    import numpy

    settings.SEARCH_MATRIX_DIR = str(tmp_path)
    vectors, question = _unit_rows(1000)
    digests = [f"passage {row}" for row in range(len(vectors))]
    index, again = _dense_index(vectors, digests), _dense_index(vectors.copy(), digests)
    assert isinstance(index.matrix, numpy.memmap) and index.matrix.dtype == numpy.float32
    assert index.matrix.filename == again.matrix.filename
    assert [path.suffix for path in tmp_path.iterdir()] == [".npy"]  # nothing half-written left
    assert not index.matrix.flags.writeable
    similarities = index.row_similarities(question)
    assert similarities.dtype == numpy.float32
    assert numpy.allclose(similarities, vectors @ question, rtol=0, atol=1e-6)
    other = _dense_index(vectors[:500], digests[:500])
    assert other.matrix.filename != index.matrix.filename


@pytest.mark.django_db(False)
def test_without_a_folder_it_can_write_the_vectors_stay_in_the_process(settings, tmp_path, caplog):
    import numpy

    vectors, question = _unit_rows(30)
    digests = [str(row) for row in range(30)]
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("")
    settings.SEARCH_MATRIX_DIR = str(not_a_folder / "search")
    index = _dense_index(vectors, digests)
    assert not isinstance(index.matrix, numpy.memmap)
    assert "cannot use" in caplog.text
    assert numpy.allclose(index.row_similarities(question), vectors @ question, atol=1e-6)
    settings.SEARCH_MATRIX_DIR = ""  # asked to keep them in memory
    assert not isinstance(_dense_index(vectors, digests).matrix, numpy.memmap)
