"""What waits for a publisher, for the admin's lists and for staff previews."""

from portal.publishing.models import PendingRevision


def pending_for_page(model, lookup: dict) -> list[PendingRevision]:
    """The pending changes a staff preview of the page found by `lookup` (a slug, or "pk")
    shows: those of the item there now, and those that move an item there (a new slug)."""
    candidates = list(PendingRevision.objects.for_model(model))
    if not candidates:
        return []
    here = set(model._default_manager.filter(**lookup).values_list("pk", flat=True))

    def moves_here(pending: PendingRevision) -> bool:
        record = pending.snapshot[0]
        values = {"pk": record["pk"], **record["fields"]}
        return all(str(values.get(name)) == str(value) for name, value in lookup.items())

    return [pending for pending in candidates if pending.object_id in here or moves_here(pending)]
