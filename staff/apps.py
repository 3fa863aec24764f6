from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Staff accounts")

    def ready(self):
        # Django reports sign-ins only through these signals.
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from portal.staff import admin_language_register
        from staff.services import record_failed_sign_in, record_sign_in, staff_language

        user_logged_in.connect(record_sign_in, dispatch_uid="staff-audit-sign-in")
        user_login_failed.connect(record_failed_sign_in, dispatch_uid="staff-audit-sign-in-failed")
        # E-mails from the publishing workflow go out in each colleague's admin language.
        admin_language_register(staff_language)

        from staff.third_party import library_names_apply

        library_names_apply()
