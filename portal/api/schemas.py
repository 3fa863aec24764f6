"""The shapes every resource shares: texts in three languages, list parameters and pages.

Descriptions are marked with `gettext_noop`: the OpenAPI document is in English, and the data
dictionary of the downloads reads the same descriptions through the Chinese catalogue.
"""

import datetime
import re
from typing import Annotated, Literal

from django.utils.translation import gettext_noop
from ninja import Field, Path, Schema
from pydantic import BaseModel, BeforeValidator, WithJsonSchema, create_model

from portal.i18n.text import MAX_QUERY_LENGTH

RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# What a person can type: no control characters (NUL, escapes), which no text of ours holds.
TYPED_TEXT = "^[^\\x00-\\x1f\\x7f-\\x9f]*$"
SLUG = "^[-a-zA-Z0-9_]+$"
MAX_PAGE_SIZE = 100


def _moment(value):
    """An RFC 3339 date-time, e.g. 2025-01-31T09:00:00+08:00; beyond the calendar's ends, the
    end itself."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    text = str(value).upper()
    if not RFC3339.fullmatch(text):
        raise ValueError("not an RFC 3339 date-time, e.g. 2025-01-31T09:00:00+08:00")
    moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        edge = datetime.datetime.max if moment.year > 1 else datetime.datetime.min
        return edge.replace(tzinfo=datetime.UTC)


def _day(value):
    if value is None or isinstance(value, datetime.date):
        return value
    if not DAY.fullmatch(str(value)):
        raise ValueError("not a date, e.g. 2025-01-31")
    return datetime.date.fromisoformat(str(value))


def _optional(kind, json_schema: dict):
    """An optional query parameter: absent, or a value of `json_schema` (never null)."""
    return Annotated[kind | None, WithJsonSchema(json_schema)]


Moment = Annotated[
    _optional(datetime.datetime, {"type": "string", "format": "date-time"}),
    BeforeValidator(_moment),
]
Day = Annotated[
    _optional(datetime.date, {"type": "string", "format": "date"}), BeforeValidator(_day)
]
Slug = Annotated[str, Field(pattern=SLUG, max_length=100)]
LanguagePrefix = Literal["en", "tc", "sc"]


class ListParameters(Schema):
    """Parameters of every list."""

    lang: _optional(LanguagePrefix, {"type": "string", "enum": ["en", "tc", "sc"]}) = Field(
        None,
        description=gettext_noop(
            "One language only: en (English), tc (Traditional Chinese) or sc (Simplified "
            "Chinese, converted from the Traditional text). Every language when absent."
        ),
    )
    updated_since: Moment = Field(
        None,
        description=gettext_noop(
            "Only items published or changed after this moment (RFC 3339), and a list of the "
            "items removed from the site since then (`removed`), to keep a copy in step."
        ),
        examples=["2025-01-31T09:00:00+08:00"],
    )
    cursor: _optional(str, {"type": "string", "pattern": r"^[0-9]{1,9}-[0-9]{1,19}$"}) = Field(
        None,
        pattern=r"^[0-9]{1,9}-[0-9]{1,19}$",
        description=gettext_noop(
            "Where the page starts: the value in the previous page's `next` link."
        ),
    )
    page_size: int = Field(
        20, ge=1, le=MAX_PAGE_SIZE, description=gettext_noop("Items per page, at most 100.")
    )

    @property
    def prefixes(self) -> tuple[str, ...]:
        return (self.lang,) if self.lang else ("en", "tc", "sc")


class DetailParameters(Schema):
    lang: _optional(LanguagePrefix, {"type": "string", "enum": ["en", "tc", "sc"]}) = Field(
        None, description=ListParameters.model_fields["lang"].description
    )

    @property
    def prefixes(self) -> tuple[str, ...]:
        return (self.lang,) if self.lang else ("en", "tc", "sc")


KEYWORD = Field(
    None,
    max_length=MAX_QUERY_LENGTH,
    pattern=TYPED_TEXT,
    description=gettext_noop("Words to look for, understood as the site's own search box does."),
)
Keyword = _optional(str, {"type": "string", "maxLength": MAX_QUERY_LENGTH, "pattern": TYPED_TEXT})


def slug_in_path(example: str):
    """The `{slug}` of a detail operation, with an example the documentation shows. Slugs are
    letters, digits, hyphens and underscores: anything else is a 400 naming the parameter."""
    return Path(
        ...,
        description=gettext_noop("The item's slug, as in its page's address"),
        examples=[example],
        pattern=SLUG,
        max_length=100,
    )


class Data(BaseModel):
    """What answers hold: plain pydantic models, validated natively from the records (ninja's
    Schema adds attribute access to ORM objects, which records do not need, at ten times the
    cost on a page of schemes)."""


class LocalisedText(Data):
    """A text in each language asked for; null where it is not written in that language."""

    en: str | None = Field(None, description=gettext_noop("English"))
    tc: str | None = Field(None, description=gettext_noop("Traditional Chinese"))
    sc: str | None = Field(
        None,
        description=gettext_noop("Simplified Chinese, converted from the Traditional Chinese text"),
    )


class RichText(Data):
    html: LocalisedText = Field(description=gettext_noop("As on the page: HTML, sanitised"))
    text: LocalisedText = Field(
        description=gettext_noop("The same as plain text, one line per paragraph")
    )


class Choice(Data):
    code: str = Field(description=gettext_noop("A fixed code, the same in every language"))
    label: LocalisedText = Field(description=gettext_noop("What the site calls it"))


class Reference(Data):
    slug: str = Field(description=gettext_noop("Its address on the site and in this API"))
    name: LocalisedText = Field(description=gettext_noop("Name"))


class Removed(Data):
    slug: str = Field(description=gettext_noop("The slug the item had"))
    removed_at: datetime.datetime = Field(description=gettext_noop("When it left the public site"))


class ParameterProblem(Data):
    name: str = Field(description=gettext_noop("The query parameter"))
    reason: str = Field(description=gettext_noop("What is wrong with its value"))


class Problem(Data):
    """An error (RFC 9457), as application/problem+json."""

    type: str = Field(examples=["about:blank"])
    title: str = Field(examples=["Bad Request"])
    status: int = Field(examples=[400])
    detail: str
    instance: str | None = None
    errors: list[ParameterProblem] | None = None


def page_of(item: type[Schema], name: str) -> type[Schema]:
    """The page of a list of `item`s."""
    return create_model(
        name,
        __base__=Data,
        __doc__=f"One page of {item.__name__} items.",
        items=(
            list[item],
            Field(description=gettext_noop("This page's items, in the list's order")),
        ),
        total=(int, Field(description=gettext_noop("How many items the whole list has"))),
        next=(
            str | None,
            Field(description=gettext_noop("The address of the next page; null on the last page")),
        ),
        as_of=(
            datetime.datetime,
            Field(
                description=gettext_noop(
                    "When the list was read: pass it as `updated_since` next time"
                )
            ),
        ),
        removed=(
            list[Removed] | None,
            Field(
                None,
                description=gettext_noop(
                    "With `updated_since`, on the first page: items of this kind removed from "
                    "the site since then (unpublished, renamed or deleted), whatever the filters"
                ),
            ),
        ),
    )
