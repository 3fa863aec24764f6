from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Site")

    def seed_grow(self, growth) -> int:
        """Called by `manage.py seed_grow`, as each content app's is."""
        from portal.scaling import organisations_grow

        return organisations_grow(growth)

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
        # Each app's sitemaps.py registers its section of the sitemap index.
        from portal.sitemaps import OrganisationSitemap, SectionPagesSitemap, sitemap_register

        sitemap_register("sections", SectionPagesSitemap)
        autodiscover_modules("sitemaps")
        sitemap_register("organisations", OrganisationSitemap)

        from portal.pagecache.generation import connect_content_signals

        connect_content_signals()

        from django.core.signals import request_finished, request_started

        from portal.i18n.simplified import request_scope_begin, request_scope_end

        request_started.connect(request_scope_begin)
        request_finished.connect(request_scope_end)

        from portal.linkcheck.services import link_uses_on_live, links_on_ready_for_review
        from portal.publishing.reviews import review_ready_listen
        from portal.reviewdates.services import review_dates_on_live
        from portal.services import content_live_listen

        content_live_listen(review_dates_on_live)
        content_live_listen(link_uses_on_live)
        review_ready_listen(links_on_ready_for_review)
