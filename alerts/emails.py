"""Alert e-mails: plain text and simple HTML in the subscription's language, with the
one-click unsubscribe headers of RFC 8058."""

from contextlib import contextmanager

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.alerts import ChangeReason, alert_source
from portal.i18n import languages
from portal.i18n.conversion import convert_html
from portal.i18n.simplified import current_converter
from portal.i18n.urls import path_in_language
from portal.site import absolute_url, site_domain

from .models import EVERYTHING
from .tokens import confirm_token, manage_token

REASON_LABELS = {
    ChangeReason.PUBLISHED: _("New"),
    ChangeReason.CHANGED: _("Changed"),
    ChangeReason.CANCELLED: _("Cancelled"),
}


@contextmanager
def _in_language(code: str):
    """Render as the site renders a page in `code`: Simplified from the Traditional text."""
    language = languages.by_code(code)
    text_language = languages.TRADITIONAL if language is languages.SIMPLIFIED else language
    with translation.override(text_language.code):
        yield language


def site_url(path: str, language) -> str:
    """An absolute link, under the language's prefix, on the public site (SITE_URL)."""
    return absolute_url(path_in_language(path, language))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _message(*, to: str, language, template: str, context: dict, headers=None):
    text = render_to_string(f"alerts/email/{template}.txt", context)
    html = render_to_string(f"alerts/email/{template}.html", context)
    subject = _one_line(render_to_string(f"alerts/email/{template}_subject.txt", context))
    if language is languages.SIMPLIFIED:
        converter = current_converter()
        subject, text = converter.convert(subject), converter.convert(text)
        html = convert_html(html, converter)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to], headers=headers or {})
    message.attach_alternative(html, "text/html")
    return message


def _manage_links(subscriber, language) -> dict:
    token = manage_token(subscriber)
    return {
        "manage_url": site_url(reverse("alerts:manage", kwargs={"token": token}), language),
        "unsubscribe_url": site_url(
            reverse("alerts:unsubscribe", kwargs={"token": token}), language
        ),
    }


def kind_label(kind: str) -> str:
    """The kind's name, e.g. "Funding schemes"; empty for the home page's everything alert."""
    source = alert_source(kind)
    return str(source.label) if source else ""


def alert_label(alert) -> str:
    return kind_label(alert.kind)


def alert_description(alert) -> list[tuple[str, str]]:
    source = alert_source(alert.kind)
    return source.describe_filters(alert.filters) if source else []


def confirmation_message(*, alert) -> EmailMultiAlternatives:
    with _in_language(alert.language) as language:
        path = reverse("alerts:confirm", kwargs={"token": confirm_token(alert)})
        context = {
            "alert": alert,
            "everything": alert.kind == EVERYTHING,
            "label": alert_label(alert),
            "filters": alert_description(alert),
            "confirm_url": site_url(path, language),
            "html_lang": language.html_lang,
        }
        return _message(
            to=alert.subscriber.email, language=language, template="confirm", context=context
        )


def change_entry(change, item, language) -> dict:
    summary = change.summary_en if language is languages.ENGLISH else change.summary_zh_hant
    return {
        "reason": str(REASON_LABELS.get(change.reason, "")),
        "title": _one_line(item),
        "summary": _one_line(summary or change.summary_en),
        "url": site_url(item.get_absolute_url(), language),
    }


def alert_message(*, alert, changes: list) -> EmailMultiAlternatives:
    """One e-mail telling `alert`'s subscriber about `changes` [(Change, item)]."""
    with _in_language(alert.language) as language:
        links = _manage_links(alert.subscriber, language)
        context = {
            "alert": alert,
            "weekly": alert.frequency == "weekly",
            "label": alert_label(alert),
            "filters": alert_description(alert),
            "entries": [change_entry(change, item, language) for change, item in changes],
            "html_lang": language.html_lang,
            **links,
        }
        ids = "-".join(str(change.pk) for change, _item in changes)
        headers = {
            "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # The same for a resend, so mail systems can drop a duplicate.
            "Message-ID": f"<alert-{alert.pk}-{ids}@{site_domain()}>",
        }
        return _message(
            to=alert.subscriber.email,
            language=language,
            template="alert",
            context=context,
            headers=headers,
        )
