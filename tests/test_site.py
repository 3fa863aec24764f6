"""Site-wide guards."""

from io import StringIO

import polib
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from tests.paths import BASE_DIR
from tests.text import english_phrases

pytestmark = pytest.mark.django_db  # pages read content, /sc/ pages their overrides

PO_FILE = BASE_DIR / "locale" / "zh_Hant" / "LC_MESSAGES" / "django.po"
PAGES = ["", "schemes/", "events/", "notices/", "no-such-page/"]


def test_no_pending_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_every_interface_string_is_translated():
    catalogue = polib.pofile(str(PO_FILE))
    assert len(catalogue) > 0
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_no_simplified_catalogue_is_kept():
    """Simplified pages render the Traditional catalogue and are converted; nothing by hand."""
    assert not (BASE_DIR / "locale" / "zh_Hans").exists()


@pytest.mark.parametrize("page", PAGES)
def test_no_untranslated_interface_strings_on_traditional_pages(client, page):
    response = client.get(f"/tc/{page}")
    assert english_phrases(BeautifulSoup(response.content, "html.parser")) == []
