"""The seed's notices, as the fixture puts them on the site: word for word, in order, and
true of the site. These tests load the notices fixture; the others build their own data."""

import pytest
from django.core.management import call_command

from notices.models import Notice
from portal.i18n.search import search_key
from tests.notices.seed_text import TITLES, normalise, seed_statements
from tests.paths import BASE_DIR
from tests.text import english_phrases

FIXTURE = BASE_DIR / "fixtures" / "40_notices.json"
SLUGS = (
    "important-notices",
    "privacy-policy",
    "security-statement",
    "access-to-information",
    "accessibility-statement",
    "browsers",
    "chatbot",
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_notices(db):
    call_command("loaddata", FIXTURE, verbosity=0)


def main_text(soup) -> str:
    return normalise(soup.main.get_text(" "))


def assert_in_order(sentences, text):
    position = 0
    for sentence in sentences:
        found = text.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence!r}"
        position = found + len(sentence)


def test_every_seed_sentence_is_on_the_english_pages_in_order(seed_notices, get_page):
    statements = seed_statements()
    assert [statement.title for statement in statements] == list(TITLES)
    _, index = get_page("/en/notices/")
    links = {a.get_text(strip=True): a["href"] for a in index.select(".notice-index a")}
    seed_links = [title for title in links if title in TITLES]
    assert seed_links == list(TITLES[1:]), "statements listed in the seed's order"
    for statement in statements:
        soup = index if statement.title == TITLES[0] else get_page(links[statement.title])[1]
        assert soup.h1.get_text(strip=True) == statement.title
        text = main_text(soup)
        assert_in_order(statement.sentences, text)
        for label in statement.blank_labels:
            assert label.rstrip(":") not in text, f"dangling label {label!r}"


def test_seed_has_the_sentences_the_fixture_was_written_from():
    sentences = sum(len(statement.sentences) for statement in seed_statements())
    assert sentences == 44  # if the seed changes, the fixture (both languages) must follow


@pytest.mark.parametrize("slug", SLUGS)
def test_traditional_pages_are_in_chinese(seed_notices, get_page, slug):
    url = "/tc/notices/" if slug == "important-notices" else f"/tc/notices/{slug}/"
    _, soup = get_page(url)
    assert soup.html["lang"] == "zh-Hant-HK"
    assert not soup.main.find(lang="en", string=lambda text: text and len(text) > 20)
    assert english_phrases(soup) == [], "English outside parts marked lang=en"
    assert soup.main.find("time", datetime="2026-11-23")


def test_simplified_clause_describes_what_sc_pages_do(seed_notices, get_page):
    _, english = get_page("/en/notices/")
    clause = next(p for p in english.main.find_all("p") if "Simplified Chinese version" in p.text)
    assert "converted from the Traditional Chinese version" in clause.text
    assert "the Traditional Chinese version shall prevail" in clause.text
    _, traditional = get_page("/tc/notices/")
    clause = next(p for p in traditional.main.find_all("p") if "簡體中文版本" in p.text)
    assert "從繁體中文版本轉換而成" in clause.text and "以繁體中文版本為準" in clause.text
    # What /sc/ does: it shows the Traditional text (nothing Simplified is stored), converted.
    _, simplified = get_page("/sc/notices/")
    assert search_key(simplified.main.get_text()) == search_key(traditional.main.get_text())


def test_footer_links_lead_to_published_notices(seed_notices, get_page):
    _, soup = get_page("/en/")
    footer_links = [a["href"] for a in soup.footer.find_all("a")]
    assert footer_links == [
        "/en/notices/",
        "/en/notices/privacy-policy/",
        "/en/notices/accessibility-statement/",
        "/en/notices/security-statement/",
        "/en/open-data/",  # whose terms of use are the Important Notices
    ]
    for href in footer_links:
        get_page(href)


def test_privacy_policy_names_the_cookies_the_public_pages_set(seed_notices, client, get_page):
    response = client.get("/tc/notices/privacy-policy/")
    assert set(response.cookies) == {"django_language"}
    assert response.cookies["django_language"]["max-age"] == 365 * 24 * 60 * 60
    _, soup = get_page("/en/notices/privacy-policy/")
    text = main_text(soup)
    assert "set only one cookie: django_language" in text
    assert "kept for one year" in text
    assert "do not record visitors' IP addresses or query strings" in text


def test_loading_the_fixture_again_updates_the_same_notices(seed_notices):
    call_command("loaddata", FIXTURE, verbosity=0)
    assert Notice.objects.count() == len(SLUGS)
    assert list(Notice.objects.values_list("slug", flat=True)) == list(SLUGS)
