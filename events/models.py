"""Events on the calendar: seminars, trade fairs and missions, upcoming and in the archive."""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from portal.i18n.urls import reverse_by_slug
from portal.models import Organisation, Publishable, PublishableQuerySet, choice_label
from portal.richtext import RichTextField

HONG_KONG = zoneinfo.ZoneInfo(settings.TIME_ZONE)
# Paths under events/ that an event slug must not take.
RESERVED_SLUGS = {"past", "feed"}


def hong_kong_midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=HONG_KONG)


def validate_slug_not_reserved(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This address is used by another page of the calendar."))


class EventQuerySet(PublishableQuerySet):
    """Days are Hong Kong days: an event stays upcoming until the end of its last day."""

    def _with_last_moment(self):
        return self.alias(last_moment=Coalesce("ends_at", "starts_at"))

    def upcoming(self, now):
        today_starts = hong_kong_midnight(now.astimezone(HONG_KONG).date())
        # The same events as "last moment from today on" (an event never ends before it
        # starts), written so the database can read both indexes rather than every event held.
        return self.filter(Q(starts_at__gte=today_starts) | Q(ends_at__gte=today_starts)).order_by(
            "starts_at", "pk"
        )

    def past(self, now):
        today_starts = hong_kong_midnight(now.astimezone(HONG_KONG).date())
        return (
            self._with_last_moment()
            .filter(last_moment__lt=today_starts)
            .order_by("-starts_at", "-pk")
        )

    def in_month(self, year: int, month: int):
        """Events on any day of the month, including those that start before it."""
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return self.between(datetime.date(year, month, 1), following - datetime.timedelta(days=1))

    def between(self, first: datetime.date | None, last: datetime.date | None):
        """Events on any Hong Kong day from `first` to `last` (either open), in date order.

        The calendar's first and last years bound nothing: their midnights cannot be moved to UTC.
        """
        events = self._with_last_moment()
        if first is not None and first.year > datetime.MINYEAR:
            events = events.filter(last_moment__gte=hong_kong_midnight(first))
        if last is not None and last.year < datetime.MAXYEAR:
            following = hong_kong_midnight(last + datetime.timedelta(days=1))
            events = events.filter(starts_at__lt=following)
        return events.order_by("starts_at", "pk")


class Event(Publishable):
    class Precision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month only")
        YEAR = "year", _("Year only")

    class Category(models.TextChoices):
        SEMINAR = "seminar", _("Seminar")
        WORKSHOP = "workshop", _("Workshop")
        TRADE_FAIR = "trade-fair", _("Trade fair or exhibition")
        MISSION = "mission", _("Business mission")
        CONFERENCE = "conference", _("Conference")
        OTHER = "other", _("Other")

    class DeliveryLanguage(models.TextChoices):
        CANTONESE = "yue", _("Cantonese")
        ENGLISH = "en", _("English")
        PUTONGHUA = "cmn", _("Putonghua")
        CANTONESE_ENGLISH = "yue-en", _("Cantonese and English")
        SEVERAL = "several", _("Several languages")

    class EventStatus(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, validators=[validate_slug_not_reserved]
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = RichTextField(_("description"), blank=True)
    starts_at = models.DateTimeField(
        _("starts"),
        help_text=_(
            "Hong Kong time. For an event known only by month or year, its first day at 00:00."
        ),
    )
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("venue address"), max_length=300, blank=True)
    online_url = models.URLField(_("online event link"), max_length=300, blank=True)
    organisers = models.ManyToManyField(
        Organisation,
        verbose_name=_("organisers"),
        related_name="events",
        blank=True,
        help_text=_("Bodies that organise, co-organise or sponsor the event."),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    is_free = models.BooleanField(_("free of charge"), default=False)
    fee_hkd = models.DecimalField(
        _("fee (HK$)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    registration_url = models.URLField(_("registration link"), max_length=300, blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    delivery_language = models.CharField(
        _("language of delivery"), max_length=10, choices=DeliveryLanguage.choices, blank=True
    )
    event_status = models.CharField(
        _("event status"),
        max_length=10,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
    )
    status_note = models.CharField(_("status note"), max_length=300, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(is_free=False) | Q(fee_hkd__isnull=True),
                name="event_free_or_fee",
            ),
        ]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["ends_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_by_slug("events:detail", self.slug)

    # Shown for every event in a list.
    def get_category_display(self):
        return choice_label(self.Category, self.category)

    def get_event_status_display(self):
        return choice_label(self.EventStatus, self.event_status)

    def clean(self):
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("An event cannot end before it starts.")})
        if self.is_free and self.fee_hkd is not None:
            raise ValidationError({"fee_hkd": _("A free event has no fee.")})
        if self.date_precision != self.Precision.DAY and not self.all_day:
            raise ValidationError(
                {"all_day": _("An event known only by month or year has no time of day.")}
            )

    @property
    def start_day(self) -> datetime.date:
        return self.starts_at.astimezone(HONG_KONG).date()

    @property
    def end_day(self) -> datetime.date:
        return (self.ends_at or self.starts_at).astimezone(HONG_KONG).date()

    @property
    def is_cancelled(self) -> bool:
        return self.event_status == self.EventStatus.CANCELLED

    @property
    def has_exact_day(self) -> bool:
        return self.date_precision == self.Precision.DAY
