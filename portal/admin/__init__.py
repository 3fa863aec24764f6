"""Staff editing. Section apps build their admins on `ContentAdmin`."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.admin.audit import AuditEntryAdmin
from portal.admin.content import ContentAdmin
from portal.admin.forms import ContentAdminForm
from portal.admin.organisations import OrganisationAdmin
from portal.admin.overrides import ConversionOverrideAdmin

# The admin's own name, in the staff member's language (Django's default says "Django").
admin.site.site_header = _("Support for SMEs: staff")
admin.site.site_title = _("Support for SMEs: staff")
admin.site.index_title = _("Site administration")

__all__ = [
    "AuditEntryAdmin",
    "ContentAdmin",
    "ContentAdminForm",
    "ConversionOverrideAdmin",
    "OrganisationAdmin",
]
