from django.utils import timezone

from alerts.models import Alert, Subscriber


def make_alert(*, email="owner@example.com", confirmed=True, **fields) -> Alert:
    subscriber, _ = Subscriber.objects.get_or_create(email=email)
    defaults = {"kind": "schemes", "filters": {}, "language": "en", "frequency": "immediate"}
    return Alert.objects.create(
        subscriber=subscriber,
        confirmed_at=timezone.now() if confirmed else None,
        **{**defaults, **fields},
    )
