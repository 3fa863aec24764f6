from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from events.sitemaps import EventSitemap
from notices.sitemaps import NoticeSitemap
from portal import views
from portal.i18n.urls import prefixed_patterns
from portal.sitemaps import SectionPagesSitemap
from schemes.sitemaps import SchemeSitemap

organisation_patterns = [
    path("<slug:slug>/", views.OrganisationDetailView.as_view(), name="detail"),
]

sitemaps = {
    "sections": SectionPagesSitemap,
    "schemes": SchemeSitemap,
    "events": EventSitemap,
    "notices": NoticeSitemap,
}

# Routes outside the language prefixes.
unprefixed_patterns = [
    path("", views.language_redirect, name="language-redirect"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path(settings.ADMIN_URL, admin.site.urls),
]

# Every page, the same path after /en/, /tc/ or /sc/.
localised_patterns = [
    path("", TemplateView.as_view(template_name="portal/home.html"), name="home"),
    path("schemes/", include("schemes.urls")),
    path("events/", include("events.urls")),
    path("notices/", include("notices.urls")),
    path("organisations/", include((organisation_patterns, "organisations"))),
]

urlpatterns = [*unprefixed_patterns, *prefixed_patterns(*localised_patterns)]

handler500 = "portal.views.server_error"
