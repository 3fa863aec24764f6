"""What differs between two states of an item: every field of the item and of each of its parts
(a scheme's sections, contacts and rules), as a person reads them, in the admin's language.

The states are `portal.publishing.snapshots.Snapshot`s: the live rows, changes waiting for a
publisher, or a version kept in the history.
"""

import datetime
import decimal
import difflib
import html
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.db import models
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, gettext, pgettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from portal.publishing.snapshots import Snapshot, parts_of, record_key
from portal.richtext import RichTextField

# Kept in every version, but not what an editor changes.
BOOKKEEPING_FIELDS = {"id", "created_at", "updated_at", "updated_by"}
LANGUAGE_NAMES = {"en": _("English"), "zh-hant": _("Traditional Chinese")}
# Latin words stay whole; every other character (each Chinese character) is a token of its own.
TOKEN = re.compile(r"[A-Za-z0-9_'’-]+|\s+|.", re.DOTALL)
BLOCK_END = re.compile(r"</(p|h3|h4|li|tr|caption)>|<br\s*/?>", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: SafeString
    after: SafeString


@dataclass(frozen=True)
class PartChange:
    kind: str  # "Section"
    name: str  # "Eligibility"
    state: str  # "added", "removed" or "changed"
    fields: list[FieldChange]

    @property
    def state_label(self) -> str:
        labels = {
            "added": pgettext("a part of an item", "added"),
            "removed": pgettext("a part of an item", "removed"),
            "changed": pgettext("a part of an item", "changed"),
        }
        return labels[self.state]


@dataclass(frozen=True)
class Changes:
    item: list[FieldChange] = dataclass_field(default_factory=list)
    parts: list[PartChange] = dataclass_field(default_factory=list)

    def __bool__(self):
        return bool(self.item or self.parts)

    def labels(self) -> list[str]:
        """What changed, in a few words: the item's field labels, then its parts'."""
        names = [change.label for change in self.item]
        return names + [
            gettext("%(kind)s “%(name)s” (%(state)s)")
            % {"kind": part.kind, "name": part.name, "state": part.state_label}
            for part in self.parts
        ]


def diff_fields(model, *, without=()) -> list[models.Field]:
    """The fields a person edits, each language's column and not the untranslated one."""
    try:
        translated = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        translated = set()
    fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
    return [
        field
        for field in fields
        if field.editable
        and field.name not in BOOKKEEPING_FIELDS
        and field.name not in translated
        and field.name not in without
    ]


def field_label(field: models.Field) -> str:
    """ "Name (English)" for one language of a translated field, else its name."""
    original = getattr(field, "translated_field", None)
    if original is not None:
        return gettext("%(field)s (%(language)s)") % {
            "field": capfirst(original.verbose_name),
            "language": LANGUAGE_NAMES.get(field.language, field.language),
        }
    return capfirst(field.verbose_name)


def readable_text(field: models.Field, value) -> str:
    """A value as a person reads it: choice labels, local times, rich text without tags."""
    if value in (None, "", []):
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return gettext("Yes") if value else gettext("No")
    if isinstance(field, models.DateTimeField):
        return localize(template_localtime(value))
    if isinstance(value, datetime.date):
        return localize(value)
    if isinstance(value, int | decimal.Decimal) and not isinstance(value, bool):
        return f"{value:,}"  # 250,000, as amounts are written in both languages
    if isinstance(field, RichTextField):
        return html.unescape(TAG.sub("", BLOCK_END.sub("\n", value))).strip()
    return str(value)


def stored_text(field: models.Field, raw) -> str:
    """A value as serialized (a snapshot's) as a person reads it; related items by name."""
    if raw in (None, "", []):
        return ""
    if field.many_to_many:
        related = field.related_model._default_manager.filter(pk__in=raw)
        return ", ".join(sorted(str(obj) for obj in related))
    if field.many_to_one:
        related = field.related_model._default_manager.filter(pk=raw).first()
        return str(related) if related else gettext("(deleted, id %(id)s)") % {"id": raw}
    return readable_text(field, field.to_python(raw))


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
            left.append(_marked(old[i1:i2], "del", gettext("removed:")))
        if j2 > j1:
            right.append(_marked(new[j1:j2], "ins", gettext("added:")))
    return format_html_join("", "{}", ((part,) for part in left)), format_html_join(
        "", "{}", ((part,) for part in right)
    )


def fields_changes(model, before: dict, after: dict, *, without=()) -> list[FieldChange]:
    """The fields that differ between two records' `fields` (or from nothing: `{}`)."""
    changes = []
    for field in diff_fields(model, without=without):
        old = stored_text(field, before.get(field.name))
        new = stored_text(field, after.get(field.name))
        if old != new:
            changes.append(FieldChange(field_label(field), *word_diff(old, new)))
    return changes


def snapshot_changes(*, model, before: Snapshot | None, after: Snapshot) -> Changes:
    """Every difference between two states of an item (`before` None: everything is new)."""
    old = {record_key(record): record for record in (before.records if before else ())}
    new = {record_key(record): record for record in after.records}
    item_key = record_key(after.records[0])
    item = fields_changes(model, old.get(item_key, {}).get("fields", {}), after.item_fields)
    parts = []
    for part_model, key_name in parts_of(model):
        label = part_model._meta.label_lower
        keys = sorted({key for key in old.keys() | new.keys() if key[0] == label}, key=_order)
        for key in keys:
            change = _part_change(part_model, key_name, old.get(key), new.get(key))
            if change is not None:
                parts.append(change)
    return Changes(item=item, parts=parts)


def _order(key):
    return int(key[1]) if key[1].isdigit() else key[1]


def _part_change(model, key_name, before: dict | None, after: dict | None) -> PartChange | None:
    fields = fields_changes(
        model,
        before["fields"] if before else {},
        after["fields"] if after else {},
        without=(key_name,),
    )
    if not fields:
        return None
    state = "added" if before is None else "removed" if after is None else "changed"
    shown = Snapshot((after or before,)).item()
    return PartChange(
        kind=capfirst(model._meta.verbose_name),
        name=str(shown),
        state=state,
        fields=fields,
    )


def fields_changes_in_words(
    model, before: dict, after: dict, *, names: tuple[str, ...]
) -> list[tuple[str, str, str]]:
    """(label, old, new) for the named fields that differ, as plain text in the active
    language: of a translated field, only that language's column, labelled without it."""
    language = get_language()
    changes = []
    for field in diff_fields(model):
        original = getattr(field, "translated_field", None)
        name = original.name if original is not None else field.name
        if name not in names or (original is not None and field.language != language):
            continue
        old = stored_text(field, before.get(field.name))
        new = stored_text(field, after.get(field.name))
        if old != new:
            label = capfirst(original.verbose_name if original is not None else field.verbose_name)
            changes.append((str(label), old, new))
    return changes


def parts_added_or_removed(*, model, before: Snapshot, after: Snapshot) -> list[PartChange]:
    """The parts (a scheme's sections…) added, removed or changed between two states."""
    return snapshot_changes(model=model, before=before, after=after).parts
