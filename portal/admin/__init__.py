"""Staff editing. Section apps build their admins on `ContentAdmin`."""

from portal.admin.content import ContentAdmin
from portal.admin.forms import ContentAdminForm
from portal.admin.organisations import ConversionOverrideAdmin, OrganisationAdmin

__all__ = ["ContentAdmin", "ContentAdminForm", "ConversionOverrideAdmin", "OrganisationAdmin"]
