from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Event calendar")

    def ready(self):
        from events.alerts import EVENT_ALERTS
        from portal.alerts import alert_source_register

        alert_source_register(EVENT_ALERTS)

    def seed_grow(self, growth) -> int:
        """Called by `manage.py seed_grow`."""
        from .scaling import events_grow

        return events_grow(growth)
