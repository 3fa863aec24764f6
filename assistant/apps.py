from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistantConfig(AppConfig):
    name = "assistant"
    verbose_name = _("Assistant")

    def seed_grow(self, growth) -> int:
        """Called by `manage.py seed_grow`."""
        from .scaling import answers_grow

        return answers_grow(growth)
