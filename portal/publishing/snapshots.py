"""An item and its parts as one value.

The live rows, changes waiting for a publisher and a saved version (django-reversion) are all
written the way Django's serializer writes objects, `{"model", "pk", "fields"}`, the item first:
so they are stored, applied to the live rows and compared alike.
"""

import json
from collections import defaultdict
from dataclasses import dataclass

import reversion
from django.apps import apps
from django.core import serializers
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, models, transaction
from django.utils.translation import gettext as _

# Editors cannot change these: pending changes never carry them to the live rows.
PUBLISHING_FIELDS = ("status", "publish_from", "publish_until")
# Who saved an item when: not what it says.
SAVE_RECORD_FIELDS = ("updated_at", "updated_by")


class SnapshotConflict(Exception):
    """The changes cannot be written over the live rows as they are now."""


def parts_of(model) -> list[tuple[type[models.Model], str]]:
    """The rows that belong to an item and are edited with it (a scheme's sections, contacts
    and eligibility rules): deleted with it, and kept in its history, where django-reversion
    follows them as the admin's inlines. Each as (model, name of its key to the item)."""
    from portal.models import Publishable

    return [
        (relation.related_model, relation.field.name)
        for relation in model._meta.related_objects
        if relation.one_to_many
        and relation.on_delete is models.CASCADE
        and reversion.is_registered(relation.related_model)
        and not issubclass(relation.related_model, Publishable)
    ]


def record_key(record: dict) -> tuple[str, str]:
    return record["model"], str(record["pk"])


@dataclass(frozen=True)
class Snapshot:
    records: tuple[dict, ...]  # the item first, then its parts

    @classmethod
    def of(cls, item) -> "Snapshot":
        """The item and its parts as they are in the database now."""
        objects = [item]
        for model, key_name in parts_of(type(item)):
            objects += model._default_manager.filter(**{key_name: item.pk}).order_by("pk")
        return cls(tuple(json.loads(serializers.serialize("json", objects))))

    @classmethod
    def of_version(cls, version) -> "Snapshot":
        """The item and its parts as one saved version (django-reversion) kept them."""
        item = json.loads(version.serialized_data)[0]
        parts = {model._meta.label_lower: key_name for model, key_name in parts_of(version._model)}
        records = [item]
        for other in version.revision.version_set.exclude(pk=version.pk).order_by("pk"):
            record = json.loads(other.serialized_data)[0]
            key_name = parts.get(record["model"])
            if key_name and str(record["fields"].get(key_name)) == str(item["pk"]):
                records.append(record)
        return cls(tuple(records))

    @property
    def data(self) -> list[dict]:
        return list(self.records)

    @property
    def item_fields(self) -> dict:
        return self.records[0]["fields"]

    def item(self):
        """The item as this snapshot has it: an unsaved instance, for reading its fields."""
        return self.instances()[0]

    def same_content(self, other: "Snapshot") -> bool:
        """Whether two states differ only in who saved them when."""
        return _content(self) == _content(other)

    def instances(self) -> list[models.Model]:
        return [
            found.object
            for found in serializers.deserialize("python", self.data, ignorenonexistent=True)
        ]


def _content(snapshot: Snapshot) -> list:
    return sorted(
        (
            record_key(record),
            sorted(
                (name, str(value))
                for name, value in record["fields"].items()
                if name not in SAVE_RECORD_FIELDS
            ),
        )
        for record in snapshot.records
    )


def snapshot_apply(snapshot: Snapshot, item) -> None:
    """Write `snapshot` over the live rows of `item`, in the caller's transaction.

    Parts the snapshot lacks are deleted; the publishing fields, and fields the snapshot lacks
    (added to the model since), keep their live values. Raises SnapshotConflict when the live
    rows no longer allow it (a part's id or an address taken, something referred to deleted).
    """
    live = Snapshot.of(item)
    live_records = {record_key(record): record for record in live.records}
    records = []
    for record in snapshot.records:
        current = live_records.get(record_key(record))
        fields = {**(current["fields"] if current else {}), **record["fields"]}
        records.append({**record, "fields": fields})
    for name in PUBLISHING_FIELDS:
        records[0]["fields"][name] = live.item_fields[name]
    wanted = {record_key(record) for record in records}
    try:
        with transaction.atomic():
            for key in live_records.keys() - wanted:
                apps.get_model(key[0])._default_manager.filter(pk=key[1]).delete()
            for record in records[1:]:
                if record_key(record) not in live_records and _id_taken(record):
                    raise SnapshotConflict(_("A part of the changes has an id another item uses."))
            for found in serializers.deserialize("python", records, ignorenonexistent=True):
                found.save()
            tables = {apps.get_model(record["model"])._meta.db_table for record in records}
            connection.check_constraints(table_names=sorted(tables))
    except (DatabaseError, DeserializationError) as error:
        raise SnapshotConflict(
            _(
                "The changes refer to something deleted since, or use an address (slug) or "
                "anchor that is now taken."
            )
        ) from error


def _id_taken(record: dict) -> bool:
    return apps.get_model(record["model"])._default_manager.filter(pk=record["pk"]).exists()


def ids_reserve(snapshot: Snapshot) -> None:
    """Keep the ids of new parts in pending changes from being handed out again.

    The changes were made in a transaction that was rolled back: PostgreSQL's sequences never
    give an id twice, but SQLite would give them to the next rows inserted.
    """
    if connection.vendor != "sqlite":
        return
    highest = defaultdict(int)
    for record in snapshot.records:
        highest[record["model"]] = max(highest[record["model"]], int(record["pk"]))
    with connection.cursor() as cursor:
        for label, pk in highest.items():
            table = apps.get_model(label)._meta.db_table
            cursor.execute(
                "UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s", [pk, table]
            )
            if cursor.rowcount == 0:
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, pk]
                )
