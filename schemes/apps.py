from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchemesConfig(AppConfig):
    name = "schemes"
    verbose_name = _("Funding schemes")

    def ready(self):
        from portal.alerts import alert_source_register

        from .alerts import SCHEME_ALERTS

        alert_source_register(SCHEME_ALERTS)

    def reindex_search(self) -> int:
        """Called by `manage.py search_reindex` (and `load_seed`) after raw loads."""
        from .services import scheme_reindex_all

        return scheme_reindex_all()

    def seed_grow(self, growth) -> int:
        """Called by `manage.py seed_grow`."""
        from .scaling import schemes_grow

        return schemes_grow(growth)
