from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView
from django.views.i18n import JavaScriptCatalog

from portal import views
from portal.api.views import OpenDataView
from portal.i18n.urls import prefixed_patterns
from portal.middleware import safe_methods_only
from portal.search.views import SiteSearchView
from portal.sitemaps import sitemap_index, sitemap_section

organisation_patterns = [
    path("<slug:slug>/", views.OrganisationDetailView.as_view(), name="detail"),
]

# Routes outside the language prefixes.
unprefixed_patterns = [
    path("", safe_methods_only(views.language_redirect), name="language-redirect"),
    path("healthz", safe_methods_only(views.healthz), name="healthz"),
    path("readyz", safe_methods_only(views.readyz), name="readyz"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap-section"),
    path("api/v1/", include("portal.api.urls")),
    path(f"{settings.ADMIN_URL}account/", include("staff.urls")),
    # The rich-text editor's labels and dialogs in the admin's language (djangojs catalogue).
    path(
        f"{settings.ADMIN_URL}editor-strings.js",
        JavaScriptCatalog.as_view(packages=["django_prose_editor"]),
        name="editor-strings",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
]

# Every page, the same path after /en/, /tc/ or /sc/.
localised_patterns = [
    path("", TemplateView.as_view(template_name="portal/home.html"), name="home"),
    path("schemes/", include("schemes.urls")),
    path("events/", include("events.urls")),
    path("notices/", include("notices.urls")),
    path("organisations/", include((organisation_patterns, "organisations"))),
    path("assistant/", include("assistant.urls")),
    path("search/", SiteSearchView.as_view(), name="search"),
    path("alerts/", include("alerts.urls")),
    path("open-data/", OpenDataView.as_view(), name="open-data"),
]

urlpatterns = [*unprefixed_patterns, *prefixed_patterns(*localised_patterns)]

handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"
