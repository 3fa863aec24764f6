"""What content apps register: one resource each, with its operations and its bulk data."""

from collections.abc import Callable
from dataclasses import dataclass

from ninja import Router, Schema


@dataclass(frozen=True)
class ApiResource:
    name: str  # the path under /api/v1/ and the download's file name: "schemes"
    router: Router  # its list and detail operations
    item_schema: type[Schema]  # one item: its CSV columns and data dictionary come from it
    all_records: Callable[[], list[dict]]  # every published item in every language
    title: str  # e.g. "Funding schemes" (lazy translation), for the downloads
    order: int = 0


_resources: dict[str, ApiResource] = {}


def register_resource(resource: ApiResource) -> None:
    _resources[resource.name] = resource


def resources() -> list[ApiResource]:
    return sorted(_resources.values(), key=lambda resource: (resource.order, resource.name))
