from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Site")

    def ready(self):
        from portal.search.portal_sources import register_organisations, register_section_pages

        register_organisations()
        register_section_pages()
        # Each app's search.py registers what it contributes, as admin.py does for the admin.
        autodiscover_modules("search")
        # Each app's api.py registers what the open data API exposes of it (portal.api).
        from portal.api.organisations import register_organisations as register_api_organisations

        register_api_organisations()
        autodiscover_modules("api")

        from portal.pagecache.generation import connect_content_signals

        connect_content_signals()
