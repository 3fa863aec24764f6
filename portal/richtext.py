"""Rich text from the admin, sanitized with nh3 before it is stored or loaded."""

import html
import re

import nh3
from django.db import models

ALLOWED_TAGS = {
    "p", "br", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "b", "i", "u", "span",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "hreflang", "lang", "title"},
    "span": {"lang"},
    "p": {"lang"},
    "li": {"lang"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"type", "start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def web_address(url: str) -> str:
    """A stored address fit for a link: http(s) only, else empty. The admin validates URL
    fields, but a shell or a fixture may store `javascript:` there."""
    url = (url or "").strip()
    scheme = url.partition(":")[0].lower()
    return url if scheme in {"http", "https"} and "://" in url[:10] else ""


def sanitize_html(html: str) -> str:
    """Only the tags and attributes the public pages style; links only to safe schemes."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    ).strip()


# Where a line ends in plain text, and what a list item starts with.
LINE_END = re.compile(r"</(?:p|h3|h4|li|tr|caption)\s*>|<br\s*/?>", re.IGNORECASE)
LIST_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")


def as_plain_text(markup: str) -> str:
    """Rich text as plain text a reader can follow: one line per paragraph, heading, list item
    (marked "- ") or table row; no markup, entities decoded."""
    text = LINE_END.sub("\n", LIST_ITEM.sub("- ", markup or ""))
    text = html.unescape(TAG.sub(" ", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


class RichTextField(models.TextField):
    """A TextField whose HTML is sanitized whenever a value enters the model.

    `to_python` runs for forms (through `full_clean`) and for the fixtures loader;
    `pre_save` catches code that assigns and saves directly.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return sanitize_html(value) if value else value

    def formfield(self, **kwargs):
        """The WYSIWYG editor, offering only what `sanitize_html` keeps (see portal.editor)."""
        # Imported here: the editor's widgets load static-file helpers that need the app registry.
        from django_prose_editor.fields import ProseEditorFormField

        from portal.editor import EDITOR_EXTENSIONS

        defaults = {
            "form_class": ProseEditorFormField,
            "config": {"extensions": dict(EDITOR_EXTENSIONS)},
            "preset": "configurable",
            "sanitize": sanitize_html,
        }
        return super().formfield(**{**defaults, **kwargs})

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = sanitize_html(value)
            # Not setattr: on a translated field's original attribute, modeltranslation's
            # descriptor would write the fallback text into the active language's column.
            model_instance.__dict__[self.attname] = value
        return value
