"""Saved versions of content (django-reversion), and what changed between two of them."""

import datetime

from reversion.models import Version

from portal.changes import Changes, diff_fields, field_label, snapshot_changes
from portal.publishing.snapshots import Snapshot


def version_changes(*, model, before: Version | None, after: Version) -> Changes:
    """What differs between two versions of one item and its parts (or from nothing)."""
    return snapshot_changes(
        model=model,
        before=Snapshot.of_version(before) if before else None,
        after=Snapshot.of_version(after),
    )


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
    """Labels of the item's fields someone changed after a form showing `opened_at` was opened.

    Empty when no version from that moment was kept (e.g. content loaded from fixtures).
    """
    opened = version_saved_at(instance, opened_at)
    if opened is None:
        return []
    return [
        field_label(field)
        for field in diff_fields(type(instance))
        if not field.many_to_many
        and comparable(opened.field_dict.get(field.attname))
        != comparable(getattr(instance, field.attname))
    ]
