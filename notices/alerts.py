"""What notices contribute to e-mail alerts: every published notice, no filters."""

import html
import re

from django.utils.formats import localize
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.alerts import AlertSource

from .models import Notice

TAG = re.compile(r"<[^>]*>")


def notice_alert_summary(notice: Notice) -> str:
    """The start of the notice's text, as plain text."""
    text = " ".join(html.unescape(TAG.sub(" ", notice.body or "")).split())
    return Truncator(text).chars(300)


def notice_alert_facts(notice: Notice, today) -> list[tuple[str, str]]:
    return [(gettext("Last revised"), localize(notice.last_revised))]


NOTICE_ALERTS = AlertSource(
    kind="notices",
    model=Notice,
    label=_("Important notices"),
    clean_filters=lambda filters: {},
    describe_filters=lambda filters: [],
    matches=lambda notice, filters, language_code: True,
    facts=notice_alert_facts,
    summary=notice_alert_summary,
)
