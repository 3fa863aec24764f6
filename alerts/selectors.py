"""Reading alerts: what an alert has still to be told, and the numbers staff see."""

from django.db.models import Count, Q

from .models import EVERYTHING, Alert, Change


def alert_pending_changes(*, alert: Alert):
    """Changes recorded since the alert was confirmed that it has not handled yet."""
    changes = Change.objects.filter(created_at__gte=alert.confirmed_at).exclude(
        pk__in=alert.deliveries.values("change")
    )
    if alert.kind != EVERYTHING:
        changes = changes.filter(kind=alert.kind)
    return changes.select_related("content_type").order_by("created_at", "pk")


def alert_counts_by_kind() -> list[dict]:
    """Confirmed subscribers per kind of alert, and how many get weekly summaries."""
    return list(
        Alert.objects.filter(confirmed_at__isnull=False)
        .values("kind")
        .annotate(
            subscribers=Count("subscriber", distinct=True),
            weekly=Count("pk", filter=Q(frequency=Alert.Frequency.WEEKLY)),
        )
        .order_by("kind")
    )
