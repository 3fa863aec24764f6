from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Site"

    def ready(self):
        from portal.search.portal_sources import register_organisations, register_section_pages

        register_organisations()
        register_section_pages()
        # Each app's search.py registers what it contributes, as admin.py does for the admin.
        autodiscover_modules("search")

        from portal.pagecache.generation import connect_content_signals

        connect_content_signals()
