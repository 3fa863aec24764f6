"""The admin page that shows what one saved version changed."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from reversion.models import Version

from portal.history import previous_version, version_changes


class VersionChangesMixin:
    """Adds `<id>/history/<version>/changes/` next to django-reversion's history pages."""

    object_history_template = "admin/portal/object_history.html"

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/<int:version_id>/changes/",
                self.admin_site.admin_view(self.version_changes_view),
                name=f"{opts.app_label}_{opts.model_name}_version_changes",
            ),
            *super().get_urls(),
        ]

    def version_changes_view(self, request, object_id, version_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("No such item."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        previous = previous_version(version)
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("What changed in this version"),
            "subtitle": str(obj),
            "opts": opts,
            "original": obj,
            "object_id": object_id,
            "version": version,
            "previous": previous,
            "changes": version_changes(model=self.model, before=previous, after=version),
        }
        return TemplateResponse(request, "admin/portal/version_changes.html", context)
