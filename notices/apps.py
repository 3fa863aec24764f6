from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = _("Important notices")

    def seed_grow(self, growth) -> int:
        """Called by `manage.py seed_grow`."""
        from .scaling import notices_grow

        return notices_grow(growth)
