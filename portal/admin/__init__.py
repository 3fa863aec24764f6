"""Staff editing. Section apps build their admins on `ContentAdmin`."""

from portal.admin.audit import AuditEntryAdmin
from portal.admin.content import ContentAdmin
from portal.admin.forms import ContentAdminForm
from portal.admin.organisations import OrganisationAdmin
from portal.admin.overrides import ConversionOverrideAdmin

__all__ = [
    "AuditEntryAdmin",
    "ContentAdmin",
    "ContentAdminForm",
    "ConversionOverrideAdmin",
    "OrganisationAdmin",
]
