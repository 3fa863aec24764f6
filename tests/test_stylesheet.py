"""The stylesheet is whole: every part parses, no rule is swallowed by an unclosed one, and the
file pages load is exactly the parts joined. (stylelint checks the same parts in `make lint`.)"""

import pytest
import tinycss2

from portal.management.commands.bundle_css import (
    CSS_DIR,
    stylesheet_bundle,
    stylesheet_parts,
    without_comments,
)

# At-rules whose blocks hold rules rather than declarations.
GROUPING_AT_RULES = {"media", "supports", "layer", "container"}


def stylesheet_problems(css: str) -> list[str]:
    """Parse errors, and rules nested inside a rule: we write no CSS nesting, so a nested rule
    means a missing closing brace, after which browsers drop or misapply everything."""
    problems = []
    for node in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if node.type == "error":
            problems.append(f"line {node.source_line}: {node.message}")
        elif node.type == "at-rule" and node.lower_at_keyword in GROUPING_AT_RULES:
            problems += stylesheet_problems(tinycss2.serialize(node.content or []))
        elif node.type == "qualified-rule":
            for item in tinycss2.parse_blocks_contents(node.content):
                if item.type in ("qualified-rule", "at-rule", "error"):
                    selector = tinycss2.serialize(node.prelude).strip()
                    problems.append(f"line {node.source_line}: {selector} is never closed")
                    break
    return problems


def test_the_site_is_styled_from_several_parts():
    assert len(stylesheet_parts()) >= 10


@pytest.mark.parametrize("part", stylesheet_parts(), ids=lambda path: path.name)
def test_each_part_parses_with_every_rule_closed(part):
    assert stylesheet_problems(part.read_text(encoding="utf-8")) == []


def test_a_rule_left_open_is_caught():
    broken = ".notice { color: red;\n.later { color: blue; }\n.last { margin: 0; }\n"
    assert stylesheet_problems(broken) == ["line 1: .notice is never closed"]


def test_pages_load_the_parts_joined():
    """`make` builds site.css with `manage.py bundle_css`; a stale copy would hide an edit."""
    assert (CSS_DIR / "site.css").read_text(encoding="utf-8") == stylesheet_bundle()


def test_pages_load_the_rules_without_the_parts_comments():
    part = (
        '/* Why. */\n.a::before { content: "/* kept */"; }\n\n\n/* More\n why. */\n'
        ".b { margin: 0; }\n"
    )
    assert without_comments(part) == '.a::before { content: "/* kept */"; }\n\n.b { margin: 0; }\n'
    assert "/*" not in stylesheet_bundle().replace('"/*', "")
