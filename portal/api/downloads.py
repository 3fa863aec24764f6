"""Bulk downloads at /api/v1/downloads/: every published item of each kind, as JSON and as CSV
(UTF-8 with a byte order mark, so spreadsheet programs read the Chinese right), and a data
dictionary of the CSV columns in English and Chinese.

A file is built on the first request after the content changes (or the freshness window turns,
for scheduled changes) and kept in the shared cache for every worker; `Last-Modified` is when
its bytes last changed, so it stays put while nothing in it does.
"""

import enum
import hashlib
import time

import pydantic_core
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.http import http_date
from django.utils.translation import gettext_noop, override
from ninja import Field, Path, Router

from portal.i18n import languages
from portal.i18n.data import localised_label
from portal.i18n.simplified import current_converter
from portal.pagecache.memo import memo_state
from portal.site import absolute_url

from .paths import API_ROOT
from .registry import resources
from .schemas import Data, LocalisedText
from .tables import CSV_SCHEMA, columns, csv_content, documented, table_csv

router = Router()
DICTIONARY = "data-dictionary"


class DownloadLinks(Data):
    json_url: str = Field(alias="json", description=gettext_noop("The file as JSON"))
    csv_url: str = Field(
        alias="csv", description=gettext_noop("The file as CSV, UTF-8 with a byte order mark")
    )


class Dataset(Data):
    name: str = Field(description=gettext_noop("The file's name"), examples=["schemes"])
    title: LocalisedText
    files: DownloadLinks


class DownloadIndex(Data):
    datasets: list[Dataset] = Field(description=gettext_noop("Every published item of each kind"))
    dictionary: DownloadLinks = Field(description=gettext_noop("What each CSV column holds"))
    terms: str = Field(description=gettext_noop("The terms of use: our Important Notices"))


def _links(name: str) -> dict:
    base = absolute_url(f"{API_ROOT}downloads/{name}")
    return {"json": f"{base}.json", "csv": f"{base}.csv"}


@router.get("", response=DownloadIndex, by_alias=True, summary="Bulk downloads")
def download_index(request):
    """The files to download, with the data dictionary and the terms of use."""
    return {
        "datasets": [
            {"name": r.name, "title": localised_label(r.title), "files": _links(r.name)}
            for r in resources()
        ],
        "dictionary": _links(DICTIONARY),
        "terms": _terms_url(),
    }


def _json(data) -> bytes:
    return pydantic_core.to_json(data, indent=1)  # as the API writes it


def dictionary_rows() -> list[dict]:
    found = []
    for resource in resources():
        for column in columns(resource.item_schema):
            meanings = {}
            for code in ("en", "tc"):
                with override(languages.rendered_as(languages.BY_PREFIX[code]).code):
                    meanings[code] = column.meaning()
            found.append(
                {
                    "dataset": resource.name,
                    "column": column.name,
                    "type": column.kind,
                    "meaning_en": meanings["en"],
                    "meaning_tc": meanings["tc"],
                    "meaning_sc": current_converter().convert(meanings["tc"]),
                }
            )
    return found


def _build(name: str, extension: str) -> bytes:
    if name == DICTIONARY:
        entries = dictionary_rows()
        return table_csv(list(entries[0]), entries) if extension == "csv" else _json(entries)
    resource = next(resource for resource in resources() if resource.name == name)
    records = resource.all_records()
    if extension == "csv":
        return csv_content(resource.item_schema, records)
    return _json({"dataset": name, "terms": _terms_url(), "items": records})


def _terms_url() -> str:
    return absolute_url("/en/open-data/#terms")


def download_file(name: str, extension: str) -> dict:
    """The file as it is now: its bytes, digest and when they last changed."""
    state = memo_state()
    key = f"downloads:{name}.{extension}:{state}"
    found = cache.get(key) if state else None
    if found is not None:
        return found
    content = _build(name, extension)
    digest = hashlib.sha256(content).hexdigest()[:32]
    latest_key = f"downloads:{name}.{extension}:latest"
    latest = cache.get(latest_key) or {}
    changed_at = latest.get("changed_at") if latest.get("digest") == digest else None
    file = {"content": content, "digest": digest, "changed_at": changed_at or time.time()}
    cache.set(latest_key, {"digest": digest, "changed_at": file["changed_at"]}, None)
    if state:
        cache.set(key, file, settings.PAGE_CACHE_FRESH_SECONDS)
    return file


CONTENT_TYPES = {"json": "application/json", "csv": "text/csv"}


def _file_response(name: str, extension: str) -> HttpResponse:
    file = download_file(name, extension)
    response = HttpResponse(
        file["content"], content_type=f"{CONTENT_TYPES[extension]}; charset=utf-8"
    )
    response["Last-Modified"] = http_date(file["changed_at"])
    response["ETag"] = f'"{file["digest"]}"'
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


JSON_FILE = {"type": ["object", "array"]}


@router.get(
    f"{DICTIONARY}.csv",
    response={200: None},
    openapi_extra=documented("text/csv", CSV_SCHEMA, "The data dictionary as CSV"),
    summary="Data dictionary (CSV)",
)
def dictionary_csv(request):
    """Each CSV column of each file: its name, type and meaning in English and Chinese."""
    return _file_response(DICTIONARY, "csv")


@router.get(
    f"{DICTIONARY}.json",
    response={200: None},
    openapi_extra=documented("application/json", JSON_FILE, "The data dictionary as JSON"),
    summary="Data dictionary (JSON)",
)
def dictionary_json(request):
    return _file_response(DICTIONARY, "json")


def dataset_names():
    names = [resource.name for resource in resources()]
    return enum.Enum("DatasetName", {name: name for name in names}, type=str)


DatasetName = dataset_names()


@router.get(
    "{dataset}.csv",
    response={200: None},
    openapi_extra=documented("text/csv", CSV_SCHEMA, "Every published item, one row each"),
    summary="A dataset as CSV",
)
def dataset_csv(request, dataset: DatasetName = Path(..., examples=["schemes"])):  # noqa: B008
    """One row per item and one column per field and language."""
    return _file_response(dataset.value, "csv")


@router.get(
    "{dataset}.json",
    response={200: None},
    openapi_extra=documented("application/json", JSON_FILE, "Every published item"),
    summary="A dataset as JSON",
)
def dataset_json(request, dataset: DatasetName = Path(..., examples=["schemes"])):  # noqa: B008
    """Every item as the list operation gives it, in every language."""
    return _file_response(dataset.value, "json")
