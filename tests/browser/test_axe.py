"""Every page type, in every language, with zero axe-core violations (WCAG 2.1 A and AA)."""

import pytest

from tests.browser.conftest import describe

PREFIXES = ["en", "tc", "sc"]
PAGES = [("", 200), ("schemes/", 200), ("events/", 200), ("notices/", 200), ("missing/", 404)]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize(("page_path", "status"), PAGES)
def test_page_has_no_axe_violations(audit, prefix, page_path, status):
    results = audit(f"/{prefix}/{page_path}", status=status)
    assert results.violations_count == 0, describe(results)
