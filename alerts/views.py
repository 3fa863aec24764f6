"""Sign-up, confirmation, managing and unsubscribing: no account, signed links, never cached."""

import smtplib

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from portal.alerts import alert_source
from portal.i18n.context import page_language
from portal.ratelimit import rate_limited

from . import services
from .emails import alert_description, alert_followed_url, alert_label
from .forms import FollowForm, ManageAlertForm, SubscribeForm
from .models import EVERYTHING, Alert, Subscriber
from .tokens import (
    confirm_token,
    confirm_token_alert,
    legacy_alert,
    legacy_subscriber,
    manage_token,
    manage_token_subscriber,
)


@method_decorator(never_cache, name="dispatch")
class SubscribeView(View):
    """`?kind=schemes&type=grant…`: the finder's (or events list's) filters, carried over;
    `?kind=schemes&follow=scheme:<slug>` (or `organisation:<slug>`): follow one item."""

    template_name = "alerts/subscribe.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.kind = request.GET.get("kind") or EVERYTHING
        self.source = alert_source(self.kind)
        if self.kind != EVERYTHING and self.source is None:
            raise Http404
        self.followed = self.followed_item(request.GET.get("follow"))
        if self.followed is not None:
            self.filters = {}
        else:
            self.filters = self.source.clean_filters(request.GET) if self.source else {}

    def followed_item(self, follow: str | None):
        if not follow:
            return None
        what, _colon, slug = follow.partition(":")
        lookup = self.source.follow_lookup if self.source else None
        followed = lookup(what, slug) if lookup else None
        if followed is None:
            raise Http404(_("There is nothing published to follow at this link."))
        return followed

    def render(self, form, status=200):
        if self.followed is not None:
            label = str(self.followed)
            back_url = self.followed.get_absolute_url()
        else:
            label = str(self.source.label) if self.source else ""
            back_url = reverse(f"{self.kind}:list") if self.source else reverse("home")
        context = {
            "form": form,
            "kind": self.kind,
            "followed": self.followed,
            "follows_organisation": self.followed is not None
            and self.followed._meta.model_name == "organisation",
            "label": label,
            "filters": self.source.describe_filters(self.filters) if self.source else [],
            "back_url": back_url,
        }
        return render(self.request, self.template_name, context, status=status)

    @property
    def form_class(self):
        return FollowForm if self.followed is not None else SubscribeForm

    def get(self, request):
        return self.render(self.form_class())

    def post(self, request):
        form = self.form_class(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        if rate_limited(
            request, scope="alert-signups", limit=settings.ALERT_SIGNUPS_PER_HOUR, seconds=3600
        ):
            form.add_error(None, _("Too many sign-ups from your connection. Try again in an hour."))
            return self.render(form, status=429)
        try:
            services.subscription_request(
                email=form.cleaned_data["email"],
                kind=self.kind,
                filters=self.filters,
                language=page_language(request).code,
                # Follows are told as it happens: a reminder three days before closing cannot
                # wait for a weekly summary.
                frequency=form.cleaned_data.get("frequency", Alert.Frequency.IMMEDIATE),
                followed=self.followed,
            )
        except (smtplib.SMTPException, OSError):
            form.add_error(
                None, _("We could not send the e-mail just now. Please try again later.")
            )
            return self.render(form, status=503)
        return HttpResponseRedirect(reverse("alerts:check-email"))


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """The link in the confirmation e-mail opens a page with one button, so link scanners
    that follow every link in an e-mail cannot confirm."""

    def get(self, request, token):
        alert = confirm_token_alert(token)
        if alert is None and (legacy := legacy_alert(token)) is not None:
            # A link sent before links were opaque: go on at an opaque one.
            return HttpResponseRedirect(
                reverse("alerts:confirm", kwargs={"token": confirm_token(legacy)})
            )
        valid = alert is not None
        return render(
            request, "alerts/confirm.html", {"valid": valid}, status=200 if valid else 400
        )

    def post(self, request, token):
        alert = confirm_token_alert(token)
        alert = services.alert_confirm(alert=alert) if alert else None
        if alert is None:
            return render(request, "alerts/confirm.html", {"valid": False}, status=400)
        return render(
            request,
            "alerts/confirmed.html",
            {
                "manage_url": reverse(
                    "alerts:manage", kwargs={"token": manage_token(alert.subscriber)}
                )
            },
        )


def subscriber_from_token(token: str) -> Subscriber | None:
    return manage_token_subscriber(token) or legacy_subscriber(token)


def opaque_link(token: str, route: str):
    """A signed link sent before links were opaque (the address inside): the same page at a
    fresh opaque link, so the address leaves the address bar; None for an opaque link."""
    if manage_token_subscriber(token) is not None:
        return None
    subscriber = legacy_subscriber(token)
    if subscriber is None:
        return None
    return HttpResponseRedirect(reverse(route, kwargs={"token": manage_token(subscriber)}))


@method_decorator(never_cache, name="dispatch")
class ManageView(View):
    def render(self, subscriber, status=200):
        alerts = (
            [
                {
                    "alert": alert,
                    "label": alert_label(alert),
                    "filters": alert_description(alert),
                    "follow": alert.followed_type_id is not None,
                    "url": alert_followed_url(alert),
                }
                for alert in subscriber.alerts.select_related("followed_type")
            ]
            if subscriber
            else []
        )
        context = {
            "subscriber": subscriber,
            "alerts": alerts,
            "frequencies": Alert.Frequency.choices,
            "unsubscribe_url": reverse(
                "alerts:unsubscribe", kwargs={"token": self.kwargs["token"]}
            ),
        }
        return render(self.request, "alerts/manage.html", context, status=status)

    def get(self, request, token):
        if moved := opaque_link(token, "alerts:manage"):
            return moved
        subscriber = subscriber_from_token(token)
        return self.render(subscriber, status=200 if subscriber else 404)

    def post(self, request, token):
        subscriber = subscriber_from_token(token)
        form = ManageAlertForm(request.POST)
        if subscriber is None or not form.is_valid():
            return self.render(subscriber, status=400 if subscriber else 404)
        alert = subscriber.alerts.filter(pk=form.cleaned_data["alert"]).first()
        if alert is None:
            return self.render(subscriber, status=400)
        if form.cleaned_data["action"] == "delete":
            services.alert_delete(alert=alert)
        elif form.cleaned_data["frequency"] and alert.followed_type_id is None:
            services.alert_set_frequency(alert=alert, frequency=form.cleaned_data["frequency"])
        return HttpResponseRedirect(request.path)


@method_decorator([never_cache, csrf_exempt], name="dispatch")
class UnsubscribeView(View):
    """GET asks; POST deletes the address. Mail programs POST here without a CSRF token
    (RFC 8058 one-click), so the signed link is the only proof needed."""

    def get(self, request, token):
        if moved := opaque_link(token, "alerts:unsubscribe"):
            return moved
        subscriber = subscriber_from_token(token)
        return render(
            request,
            "alerts/unsubscribe.html",
            {"subscriber": subscriber, "done": False},
            status=200 if subscriber else 404,
        )

    def post(self, request, token):
        subscriber = subscriber_from_token(token)
        if subscriber is not None:
            services.subscriber_delete(subscriber=subscriber)
        return render(request, "alerts/unsubscribe.html", {"subscriber": None, "done": True})
