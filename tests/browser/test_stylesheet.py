"""Chromium applies every rule of the stylesheet: none is swallowed into another rule."""

import pytest
import tinycss2

from portal.management.commands.bundle_css import stylesheet_bundle

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
