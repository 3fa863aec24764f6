import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.i18n.search import query_terms, search_key
from portal.i18n.text import MAX_QUERY_LENGTH, clean_user_text


@pytest.mark.parametrize("variant", ["熱綫", "熱線", "热线"])
def test_variants_share_one_search_key(variant):
    assert search_key(variant) == "热线"


def test_search_key_folds_case_and_width():
    assert search_key("ＳＭＥ Loan 貸款") == "sme loan 贷款"


def test_clean_user_text_removes_nul_controls_and_lone_surrogates():
    assert clean_user_text("a\x00b\ud800c\x1bd\u200e") == "abcd\u200e"
    assert clean_user_text(None) == ""
    assert len(clean_user_text("x" * 10_000)) == MAX_QUERY_LENGTH


@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=500))
def test_any_unicode_query_is_safe_for_opencc(text):
    terms = query_terms(text)
    assert all(term and " " not in term for term in terms)
    # Case folding may lengthen a little (ß → ss); the input was cut to the limit first.
    assert sum(map(len, terms)) <= 3 * MAX_QUERY_LENGTH
