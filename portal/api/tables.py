"""Items as table rows: one column per field and language, named and described from the item's
schema, so the CSV files and their data dictionary follow the JSON without a second list.

A text in three languages is three columns (`name_en`, `name_tc`, `name_sc`); rich text gives
its plain text; a coded value its code and its label in each language; a reference its slug and
its name; a list one line per entry in each language.
"""

import csv
import datetime
import decimal
import io
import types
import typing
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.translation import gettext, gettext_noop

from .schemas import Choice, LocalisedText, Reference, RichText

PREFIXES = ("en", "tc", "sc")
LANGUAGE_NAMES = {
    "en": gettext_noop("English"),
    "tc": gettext_noop("Traditional Chinese"),
    "sc": gettext_noop("Simplified Chinese"),
}
TYPES = {
    str: "text",
    int: "integer",
    bool: "boolean",
    decimal.Decimal: "decimal",
    datetime.date: "date (YYYY-MM-DD)",
    datetime.datetime: "date-time (ISO 8601, with offset)",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    description: str  # English, marked for translation
    language: str = ""  # "en", "tc", "sc", or "" for a value that is the same in every language

    def meaning(self) -> str:
        """The description in the active language, with the column's language."""
        meaning = gettext(self.description)
        if self.language:
            language = gettext(LANGUAGE_NAMES[self.language])
            return gettext("%(meaning)s (%(language)s)") % {
                "meaning": meaning,
                "language": language,
            }
        return meaning


def _inner(annotation):
    """`X | None` is X; `list[X]` stays a list."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        kinds = [kind for kind in typing.get_args(annotation) if kind is not type(None)]
        return kinds[0]
    return annotation


def _is_schema(kind) -> bool:
    return isinstance(kind, type) and hasattr(kind, "model_fields")


def _is_plain_list(kind) -> bool:
    """A list whose entries read the same in every language, e.g. telephone numbers."""
    if typing.get_origin(kind) is not list:
        return False
    entry = typing.get_args(kind)[0]
    return _is_schema(entry) and not any(
        _inner(field.annotation) in (LocalisedText, RichText, Choice, Reference)
        for field in entry.model_fields.values()
    )


def columns(schema, prefix: str = "", prefixes=PREFIXES) -> list[Column]:
    """The columns of `schema`'s rows, with texts in the languages of `prefixes`."""
    found = []
    for name, field in schema.model_fields.items():
        kind = _inner(field.annotation)
        column = f"{prefix}{name}"
        description = field.description
        per_language = [Column(f"{column}_{code}", "text", description, code) for code in prefixes]
        if kind in (LocalisedText, RichText):
            found.extend(per_language)
        elif kind in (Choice, Reference):
            found.append(Column(column, "code", description))
            found.extend(per_language)
        elif _is_plain_list(kind):
            found.append(Column(column, "text", description))
        elif typing.get_origin(kind) is list:
            found.extend(per_language)
        elif _is_schema(kind):
            found.extend(columns(kind, f"{column}_", prefixes))
        else:
            found.append(Column(column, TYPES.get(kind, "code"), description))
    return found


def _text(value, code: str) -> str:
    """A field's text in one language, for a line of a list."""
    if isinstance(value, dict):
        if "text" in value and isinstance(value["text"], dict):
            return value["text"].get(code) or ""
        if set(value) <= set(PREFIXES):
            return value.get(code) or ""
        if "label" in value:
            return _text(value["label"], code)
        if "name" in value:
            return _text(value["name"], code)
    if isinstance(value, list):
        return ", ".join(filter(None, (_text(entry, code) for entry in value)))
    return "" if value is None else str(value)


def _line(entry, code: str) -> str:
    if not isinstance(entry, dict):
        return _text(entry, code)
    return " | ".join(filter(None, (_text(value, code) for value in entry.values())))


def row(schema, record: dict, prefix: str = "", prefixes=PREFIXES) -> dict[str, object]:
    """One item's cells, keyed by column name."""
    cells = {}
    for name, field in schema.model_fields.items():
        kind = _inner(field.annotation)
        column, value = f"{prefix}{name}", record.get(name)
        if kind in (LocalisedText, RichText, Choice, Reference):
            if kind in (Choice, Reference):
                cells[column] = (value or {}).get("code" if kind is Choice else "slug", "")
            for code in prefixes:
                cells[f"{column}_{code}"] = _text(value, code) if value else ""
        elif _is_plain_list(kind):
            cells[column] = "\n".join(_line(entry, "") for entry in value or [])
        elif typing.get_origin(kind) is list:
            for code in prefixes:
                cells[f"{column}_{code}"] = "\n".join(_line(entry, code) for entry in value or [])
        elif _is_schema(kind):
            cells.update(row(kind, value or {}, f"{column}_", prefixes))
        else:
            cells[column] = "" if value is None else value
    return cells


BOM = "\ufeff"
CSV_SCHEMA = {"type": "string", "description": "CSV, UTF-8 with a byte order mark"}


def csv_content(schema, records: list[dict], prefixes=PREFIXES) -> bytes:
    """Items as CSV: one row each, one column per field and language."""
    header = [column.name for column in columns(schema, prefixes=prefixes)]
    return table_csv(header, (row(schema, record, prefixes=prefixes) for record in records))


def table_csv(header: list[str], rows) -> bytes:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=header, lineterminator="\r\n")
    writer.writeheader()
    for cells in rows:
        writer.writerow({name: _cell(value) for name, value in cells.items()})
    return (BOM + text.getvalue()).encode()


def _cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def csv_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def documented(content_type: str, schema: dict, description: str) -> dict:
    """`openapi_extra` for an operation answering a file rather than the JSON of a schema."""
    headers = {
        name: {"description": text, "schema": {"type": "string"}}
        for name, text in (
            ("Last-Modified", "When the file's content last changed"),
            ("ETag", "The file's digest"),
        )
    }
    return {
        "responses": {
            200: {
                "description": description,
                "headers": headers,
                "content": {content_type: {"schema": schema}},
            }
        }
    }
