"""A new password must be new: a temporary password cannot be "changed" to itself."""

from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class NotTheCurrentPasswordValidator:
    def validate(self, password, user=None):
        # hashers.check_password, not user.check_password: that one may save a rehash.
        current = getattr(user, "password", "") if user is not None and user.pk else ""
        if current and check_password(password, current):
            raise ValidationError(
                _("Choose a password different from the one you have now."),
                code="password_unchanged",
            )

    def get_help_text(self):
        return _("Your new password must be different from the one you have now.")
