"""Saved versions of content (django-reversion), and what changed between two of them."""

import datetime
import difflib
import html
import re
from dataclasses import dataclass

from django.db import models
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from reversion.models import Version

from portal.richtext import RichTextField

# Kept in every version, but not what an editor changes.
BOOKKEEPING_FIELDS = {"id", "created_at", "updated_at", "updated_by"}
# Latin words stay whole; every other character (each Chinese character) is a token of its own.
TOKEN = re.compile(r"[A-Za-z0-9_'’-]+|\s+|.", re.DOTALL)
BLOCK_END = re.compile(r"</(p|h3|h4|li|tr|caption)>|<br\s*/?>", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: SafeString
    after: SafeString


def diff_fields(model) -> list[models.Field]:
    """The fields a person edits, with each language's column and not the untranslated one."""
    try:
        translated = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        translated = set()
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in BOOKKEEPING_FIELDS and field.name not in translated
    ]


def readable_text(field: models.Field, value) -> str:
    """A value as a person reads it: choice labels, local times, rich text without tags."""
    if value in (None, ""):
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateTimeField):
        return localize(template_localtime(value))
    if isinstance(field, RichTextField):
        return html.unescape(TAG.sub("", BLOCK_END.sub("\n", value))).strip()
    return str(value)


def _marked(tokens, tag: str, hidden_label: str) -> SafeString:
    return format_html(
        '<{0}><span class="visually-hidden">{1} </span>{2}</{0}>',
        mark_safe(tag),  # noqa: S308 (one of two fixed tag names)
        hidden_label,
        "".join(tokens),
    )


def word_diff(before: str, after: str) -> tuple[SafeString, SafeString]:
    """Both texts as HTML, removed words in <del> on the left, added ones in <ins> on the right."""
    old, new = TOKEN.findall(before), TOKEN.findall(after)
    left, right = [], []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            left.append(format_html("{}", "".join(old[i1:i2])))
            right.append(format_html("{}", "".join(new[j1:j2])))
            continue
        if i2 > i1:
            left.append(_marked(old[i1:i2], "del", _("removed:")))
        if j2 > j1:
            right.append(_marked(new[j1:j2], "ins", _("added:")))
    return format_html_join("", "{}", ((part,) for part in left)), format_html_join(
        "", "{}", ((part,) for part in right)
    )


def field_label(field: models.Field) -> str:
    return str(field.verbose_name)[:1].upper() + str(field.verbose_name)[1:]


def version_changes(*, model, before: Version | None, after: Version) -> list[FieldChange]:
    """The fields that differ between two versions of one object (or from nothing)."""
    old_values = before.field_dict if before else {}
    new_values = after.field_dict
    changes = []
    for field in diff_fields(model):
        old = readable_text(field, old_values.get(field.attname))
        new = readable_text(field, new_values.get(field.attname))
        if old != new:
            changes.append(FieldChange(field_label(field), *word_diff(old, new)))
    return changes


def previous_version(version: Version) -> Version | None:
    return (
        Version.objects.get_for_object_reference(version._model, version.object_id)
        .filter(pk__lt=version.pk)
        .order_by("-pk")
        .first()
    )


def comparable(value):
    """Versions are stored as JSON, which keeps times to the millisecond only."""
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def version_saved_at(instance, updated_at) -> Version | None:
    """The version of `instance` whose own `updated_at` was `updated_at`, if one was kept."""
    for version in Version.objects.get_for_object(instance)[:50]:
        if comparable(version.field_dict.get("updated_at")) == comparable(updated_at):
            return version
    return None


def fields_changed_since(instance, opened_at) -> list[str]:
    """Labels of the fields someone changed after a form showing `opened_at` was opened.

    Empty when no version from that moment was kept (e.g. content loaded from fixtures).
    """
    opened = version_saved_at(instance, opened_at)
    if opened is None:
        return []
    return [
        field_label(field)
        for field in diff_fields(type(instance))
        if comparable(opened.field_dict.get(field.attname))
        != comparable(getattr(instance, field.attname))
    ]
