"""Site-wide guards."""

from io import StringIO

import polib
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from tests.paths import BASE_DIR
from tests.text import english_phrases

# The home page and the scheme finder list content from the database.
pytestmark = pytest.mark.django_db

PO_FILE = BASE_DIR / "locale" / "zh_Hant" / "LC_MESSAGES" / "django.po"
PAGES = ["", "schemes/", "events/", "notices/", "no-such-page/"]


@pytest.mark.django_db
def test_no_pending_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_every_interface_string_is_translated():
    catalogue = polib.pofile(str(PO_FILE))
    assert len(catalogue) > 0
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_simplified_catalogue_is_the_traditional_one():
    """No Simplified strings are kept by hand: zh_Hans is a link to zh_Hant."""
    simplified = BASE_DIR / "locale" / "zh_Hans"
    assert simplified.is_symlink()
    assert simplified.resolve() == (BASE_DIR / "locale" / "zh_Hant").resolve()


@pytest.mark.parametrize("page", PAGES)
def test_no_untranslated_interface_strings_on_traditional_pages(client, page):
    response = client.get(f"/tc/{page}")
    assert english_phrases(BeautifulSoup(response.content, "html.parser")) == []
