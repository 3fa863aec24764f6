from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = _("Important notices")

    def ready(self):
        from portal.alerts import alert_source_register

        from .alerts import NOTICE_ALERTS

        alert_source_register(NOTICE_ALERTS)
