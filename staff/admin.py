"""Staff accounts in the admin: an administrator resets a colleague's second factor here."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.admin.audit import RecordDeletionsMixin
from staff.services import has_second_factor, second_factor_reset

User = get_user_model()
admin.site.unregister(User)
# django-otp's own device admins would show secrets and codes: the reset action is the one way.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


@admin.register(User)
class StaffUserAdmin(RecordDeletionsMixin, UserAdmin):
    list_display = (*UserAdmin.list_display, "two_factor")
    actions = ["reset_second_factor"]

    @admin.display(boolean=True, description=_("two-factor sign-in set up"))
    def two_factor(self, obj):
        return has_second_factor(obj)

    def has_reset_second_factor_permission(self, request):
        return request.user.is_superuser

    @admin.action(
        permissions=["reset_second_factor"],
        description=_("Reset two-factor sign-in (they set it up again at next sign-in)"),
    )
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            second_factor_reset(request=request, user=user)
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "Two-factor sign-in reset for %(count)d account.",
                "Two-factor sign-in reset for %(count)d accounts.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
        if any(user.pk == request.user.pk for user in queryset):
            self.message_user(request, gettext("Yours too: set it up again now."), messages.WARNING)
