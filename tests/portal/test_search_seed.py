"""Issue 21's examples on the seed: the finder's keyword box and site search understand owners
the way the assistant does, in all three languages (seed test: it loads the whole seed)."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

SGS = "schemes/sme-loan-guarantee-scheme/"
EMF = "schemes/sme-export-marketing-fund/"
FINDER_EXAMPLES = {
    "en": [("computers", SGS), ("buy a computer", SGS), ("exibition overseas", EMF)],
    "tc": [("買電腦", SGS), ("參展", EMF), ("海外 展覽", EMF), ("computers", SGS)],
    "sc": [("买电脑", SGS), ("参展", EMF), ("海外 展览", EMF), ("computers", SGS)],
}
SITE_SEARCH_EXAMPLES = {
    "en": [("computer funding", SGS), ("exhibition", EMF)],
    "tc": [("電腦 資助", SGS), ("展覽", EMF)],
    "sc": [("电脑 资助", SGS), ("展览", EMF)],
}


@pytest.fixture
def seed():
    call_command("load_seed", verbosity=0)


@pytest.mark.parametrize("prefix", ["en", "tc", "sc"])
def test_the_finder_keyword_box_finds_the_scheme_owners_mean(get_page, seed, prefix):
    for query, scheme in FINDER_EXAMPLES[prefix]:
        _, soup = get_page(f"/{prefix}/schemes/?q={query}")
        found = [a["href"] for a in soup.select(".scheme-cards h3 a")]
        assert found and found[0] == f"/{prefix}/{scheme}", (query, found)


@pytest.mark.parametrize("prefix", ["en", "tc", "sc"])
def test_site_search_puts_the_scheme_above_old_events_and_notices(get_page, seed, prefix):
    for query, scheme in SITE_SEARCH_EXAMPLES[prefix]:
        _, soup = get_page(f"/{prefix}/search/?q={query}")
        first = soup.select_one(".site-search__result h3 a")["href"]
        assert first.startswith(f"/{prefix}/{scheme}"), (query, first)
