"""Chromium applies every rule of the stylesheet: none is swallowed into another rule."""

import pytest
import tinycss2
from django.conf import settings

from portal.management.commands.bundle_css import CSS_DIR, stylesheet_bundle
from tests.browser.vnu import css_errors

pytestmark = pytest.mark.django_db(transaction=True)

SITE_SHEET_RULES = """() => {
  const sheet = [...document.styleSheets].find((s) => s.href && s.href.includes('/css/site'));
  const rules = [...sheet.cssRules];
  return {
    topLevel: rules.length,
    nested: rules.filter((r) => r.cssRules && r.cssRules.length && !r.media && !r.conditionText)
      .map((r) => r.selectorText),
  };
}"""


def test_chromium_reads_every_rule_of_the_stylesheet(page, live_server):
    page.goto(live_server.url + "/en/")
    found = page.evaluate(SITE_SHEET_RULES)
    expected = tinycss2.parse_stylesheet(
        stylesheet_bundle(), skip_comments=True, skip_whitespace=True
    )
    assert found["nested"] == []
    assert found["topLevel"] == len(expected)


@pytest.mark.django_db(transaction=False)
def test_stylesheets_pass_the_w3c_css_checker(tmp_path):
    """The Nu checker's CSS mode (the W3C CSS validator's engine) on the file pages load, the
    print sheet and the admin's additions: 0 errors."""
    admin_sheets = (settings.BASE_DIR / "portal/static/portal/admin").glob("*.css")
    sheets = {
        "css/site.css (bundled)": stylesheet_bundle(),
        "css/print.css": (CSS_DIR / "print.css").read_text(),
        **{f"portal/admin/{sheet.name}": sheet.read_text() for sheet in admin_sheets},
    }
    errors = css_errors(sheets, tmp_path)
    assert errors == {}
