"""A scheme's status, computed from its application dates and a date, never stored."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

CLOSING_SOON_DAYS = 30


class SchemeStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSING_SOON = "closing", _("Closing soon")
    ROLLING = "rolling", _("Open all year round")
    NOT_YET_OPEN = "upcoming", _("Not yet open")
    CLOSED = "closed", _("Closed")


# What the finder shows when no status is chosen: schemes an SME can apply to now.
ACCEPTING_APPLICATIONS = (SchemeStatus.OPEN, SchemeStatus.CLOSING_SOON, SchemeStatus.ROLLING)


def scheme_status(scheme, *, today: datetime.date) -> SchemeStatus:
    """Where the scheme's application period stands on `today` (a Hong Kong date)."""
    opens, closes = scheme.opens_on, scheme.closes_on
    if opens and opens > today:
        return SchemeStatus.NOT_YET_OPEN
    if closes is None:
        return SchemeStatus.ROLLING
    if closes < today:
        return SchemeStatus.CLOSED
    if closes <= today + datetime.timedelta(days=CLOSING_SOON_DAYS):
        return SchemeStatus.CLOSING_SOON
    return SchemeStatus.OPEN


def scheme_status_q(status: str, *, today: datetime.date) -> Q:
    """The same rule as `scheme_status`, as a database filter."""
    started = Q(opens_on__isnull=True) | Q(opens_on__lte=today)
    soon = today + datetime.timedelta(days=CLOSING_SOON_DAYS)
    return {
        SchemeStatus.NOT_YET_OPEN: Q(opens_on__gt=today),
        SchemeStatus.ROLLING: started & Q(closes_on__isnull=True),
        SchemeStatus.CLOSED: started & Q(closes_on__lt=today),
        SchemeStatus.CLOSING_SOON: started & Q(closes_on__gte=today, closes_on__lte=soon),
        SchemeStatus.OPEN: started & Q(closes_on__gt=soon),
    }[SchemeStatus(status)]
