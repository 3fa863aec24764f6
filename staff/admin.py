"""Staff accounts in the admin: an administrator resets a colleague's second factor here."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.admin.audit import RecordDeletionsMixin
from staff.services import (
    has_second_factor,
    password_change_require,
    password_change_required,
    second_factor_reset,
)
from staff.third_party import permission_label

User = get_user_model()
admin.site.unregister(User)
admin.site.unregister(Group)
# django-otp's own device admins would show secrets and codes: the reset action is the one way.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


class TranslatedPermissionsMixin:
    """Permissions and groups (stored in English) named in the admin's language."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        elif db_field.name == "groups":
            field.label_from_instance = group_label
        return field


def group_label(group) -> str:
    return gettext(group.name)


class GroupFilter(admin.RelatedFieldListFilter):
    def field_choices(self, field, request, model_admin):
        return [(group.pk, group_label(group)) for group in Group.objects.order_by("name")]


@admin.register(Group)
class StaffGroupAdmin(TranslatedPermissionsMixin, GroupAdmin):
    list_display = ("group_name",)

    @admin.display(description=_("name"), ordering="name")
    def group_name(self, obj):
        return group_label(obj)


@admin.register(User)
class StaffUserAdmin(RecordDeletionsMixin, TranslatedPermissionsMixin, UserAdmin):
    list_display = (*UserAdmin.list_display, "two_factor", "must_change_password")
    list_filter = [
        (name, GroupFilter) if name == "groups" else name for name in UserAdmin.list_filter
    ]
    actions = ["reset_second_factor", "require_password_change"]

    @admin.display(boolean=True, description=_("two-factor sign-in set up"))
    def two_factor(self, obj):
        return has_second_factor(obj)

    @admin.display(boolean=True, description=_("must change password"))
    def must_change_password(self, obj):
        return password_change_required(obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and obj.has_usable_password():
            password_change_require(user=obj)  # the administrator typed it: a temporary one

    def user_change_password(self, request, id, form_url=""):
        """A password an administrator sets for a colleague is a temporary one too."""
        response = super().user_change_password(request, id, form_url)
        if (
            request.method == "POST"
            and response.status_code == 302
            and str(id) != str(request.user.pk)
        ):
            password_change_require(user=User.objects.get(pk=id))
        return response

    def has_require_password_change_permission(self, request):
        return request.user.is_superuser

    @admin.action(
        permissions=["require_password_change"],
        description=_("Ask for a new password at next sign-in"),
    )
    def require_password_change(self, request, queryset):
        users = [user for user in queryset if user.has_usable_password()]
        for user in users:
            password_change_require(user=user)
        message = ngettext(
            "%(count)d account must choose a new password at next sign-in.",
            "%(count)d accounts must choose a new password at next sign-in.",
            len(users),
        )
        self.message_user(request, message % {"count": len(users)}, messages.SUCCESS)

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
