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


@pytest.mark.django_db(False)
def test_the_passage_vectors_are_held_as_float16_and_score_as_a_float32_matrix_would():
    """The vectors are stored as float16: held so they take half the memory, and a question's
    similarities are those of the float32 matrix, block after block of rows (to the last bit
    but one: BLAS splits rows among its threads by the matrix's size, so a row's sum may round
    otherwise)."""
    import numpy

    from portal.search.dense import SIMILARITY_BLOCK_ROWS, DenseIndex

    generator = numpy.random.default_rng(27)
    count = SIMILARITY_BLOCK_ROWS * 2 + 17
    vectors = generator.standard_normal((count, 384)).astype(numpy.float32)
    vectors /= numpy.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors.astype(numpy.float16).astype(numpy.float32)  # as stored
    rows = [(position // 3, None) for position in range(count)]
    index = DenseIndex([None] * (count // 3 + 1), rows, vectors, [""] * count)
    question = generator.standard_normal(384).astype(numpy.float32)
    assert index.matrix.dtype == numpy.float16
    assert index.matrix.nbytes == count * 384 * 2
    similarities = index.row_similarities(question)
    assert similarities.dtype == numpy.float32
    assert numpy.allclose(similarities, vectors @ question, rtol=0, atol=1e-6)
