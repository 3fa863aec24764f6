from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The admin speaks the languages staff write content in; Simplified is generated, never edited.
ADMIN_LANGUAGES = [("en", "English"), ("zh-hant", "繁體中文")]


class StaffProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile"
    )
    language = models.CharField(
        _("language of the admin"), max_length=8, choices=ADMIN_LANGUAGES, default="en"
    )
    # The password hash its owner must replace: one an administrator typed (a temporary
    # password) or asked to be changed. Any new password has a new hash, so changing it is
    # enough; nothing needs to clear this.
    password_to_change = models.CharField(
        _("password to change"), max_length=128, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("staff profile")

    def __str__(self):
        return self.user.get_username()
