"""The admin's rich-text editor (django-prose-editor), limited to what the public pages style.

The editor only offers what `portal.richtext.sanitize_html` keeps; nh3 on save stays the
guarantee. `tests/portal/test_editor.py` checks that the two agree. No model imports here:
the settings read `EXTENSION_MODULES`.
"""

from django_prose_editor.config import add_tags_and_attributes
from js_asset.js import static_lazy

LINK_SCHEMES = ["http", "https", "mailto", "tel"]

# Extension names are Tiptap's, as django-prose-editor spells them.
EDITOR_EXTENSIONS = {
    "Paragraph": True,
    "HardBreak": True,
    "Heading": {"levels": [3, 4]},
    "BulletList": True,
    "OrderedList": {"enableListAttributes": False},
    "ListItem": True,
    "Link": {"enableTarget": False, "protocols": LINK_SCHEMES},
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Lang": True,
    "History": True,
    "HTML": True,
}


def link_allowlist(config, shared_config):
    """Links with the schemes nh3 allows; no target or rel (the editor sets neither)."""
    add_tags_and_attributes(shared_config, ["a"], {"a": ["href", "title"]})
    shared_config.setdefault("url_schemes", set()).update(LINK_SCHEMES)


def ordered_list_allowlist(config, shared_config):
    add_tags_and_attributes(shared_config, ["ol"], {"ol": ["start"]})


def table_allowlist(config, shared_config):
    """Tables with a caption and header cells that say what they head."""
    tags = ["table", "caption", "tbody", "thead", "tr", "th", "td"]
    attributes = {"th": ["scope", "colspan", "rowspan"], "td": ["colspan", "rowspan"]}
    add_tags_and_attributes(shared_config, tags, attributes)


def lang_allowlist(config, shared_config):
    """A passage in another language: `<span lang="…">`."""
    add_tags_and_attributes(shared_config, ["span"], {"span": ["lang"]})


# The value of settings.DJANGO_PROSE_EDITOR_EXTENSIONS: our own JavaScript extensions, and
# allowlists that match portal.richtext for the ones whose defaults allow more.
EXTENSION_MODULES = [
    {
        "js": [static_lazy("portal/admin/richtext-extensions.js")],
        "extensions": {
            "Lang": lang_allowlist,
            "Table": table_allowlist,
            "Link": link_allowlist,
            "OrderedList": ordered_list_allowlist,
        },
    }
]
