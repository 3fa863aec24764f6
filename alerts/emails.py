"""Alert e-mails: plain text and simple HTML in the subscription's language, with the
one-click unsubscribe headers of RFC 8058."""

import datetime
from contextlib import contextmanager

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
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
    ChangeReason.OPENED: _("Now open"),
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
    """What the alert is about: the kind ("Funding schemes"), or the followed item's name."""
    if alert.followed_type_id is None:
        return kind_label(alert.kind)
    followed = alert.followed
    if followed is None:
        return gettext("An item no longer published")
    if alert.followed_type.model == "organisation":
        return gettext("Schemes administered by %(name)s") % {"name": _one_line(followed)}
    return _one_line(followed)


def alert_followed_url(alert, language=None) -> str:
    """The followed item's page (absolute when a language is given), or ""."""
    followed = alert.followed
    if followed is None:
        return ""
    path = followed.get_absolute_url()
    return site_url(path, language) if language else path


def alert_description(alert) -> list[tuple[str, str]]:
    if alert.followed_type_id is not None:
        return []
    source = alert_source(alert.kind)
    return source.describe_filters(alert.filters) if source else []


def confirmation_message(*, alert) -> EmailMultiAlternatives:
    with _in_language(alert.language) as language:
        path = reverse("alerts:confirm", kwargs={"token": confirm_token(alert)})
        context = {
            "alert": alert,
            "everything": alert.kind == EVERYTHING,
            "follow": alert.followed_type_id is not None,
            "label": alert_label(alert),
            "filters": alert_description(alert),
            "confirm_url": site_url(path, language),
            "html_lang": language.html_lang,
        }
        return _message(
            to=alert.subscriber.email, language=language, template="confirm", context=context
        )


def _reason_label(change) -> str:
    if change.reason == ChangeReason.REMINDER:
        # "reminder-14:2026-12-19": the days left when it was recorded, to the closing date.
        closes = datetime.date.fromisoformat(change.occasion.partition(":")[2])
        days = (closes - timezone.localdate(change.created_at)).days
        return ngettext("Closes in %(days)d day", "Closes in %(days)d days", days) % {"days": days}
    return str(REASON_LABELS.get(change.reason, ""))


def change_entry(change, item, language) -> dict:
    """One item of an e-mail: what happened, its facts, what changed (old → new) and link."""
    stored = languages.ENGLISH if language is languages.ENGLISH else languages.TRADITIONAL
    note = change.summary_en if language is languages.ENGLISH else change.summary_zh_hant
    source = alert_source(change.kind)
    details = change.details.get(stored.code) or change.details.get("en") or []
    return {
        "reason": _reason_label(change),
        "title": _one_line(item),
        "note": _one_line(note or change.summary_en),
        "summary": _one_line(source.summary(item)) if source else "",
        "facts": source.facts(item, timezone.localdate()) if source else [],
        "changes": [
            {"label": label, "old": _one_line(old), "new": _one_line(new)}
            for label, old, new in details
        ],
        "url": site_url(item.get_absolute_url(), language),
    }


def _entry_sections(changes: list, language) -> list[dict]:
    """The entries grouped by kind (schemes, events, notices), each change once."""
    sections: dict[str, dict] = {}
    seen = set()
    for change, item in sorted(changes, key=lambda pair: (pair[0].created_at, pair[0].pk)):
        if change.pk in seen:
            continue
        seen.add(change.pk)
        section = sections.setdefault(
            change.kind, {"label": kind_label(change.kind), "entries": []}
        )
        section["entries"].append(change_entry(change, item, language))
    return list(sections.values())


def alert_message(*, subscriber, group: list) -> EmailMultiAlternatives:
    """One e-mail telling `subscriber` about the changes of several alerts and follows in one
    language and frequency: `group` is [(alert, [(Change, item)])]."""
    first = group[0][0]
    with _in_language(first.language) as language:
        links = _manage_links(subscriber, language)
        sections = _entry_sections(
            [pair for _alert, matching in group for pair in matching], language
        )
        entries = [entry for section in sections for entry in section["entries"]]
        context = {
            "weekly": first.frequency == "weekly",
            "sections": sections,
            "entries": entries,
            "subscriptions": [
                {
                    "label": alert_label(alert),
                    "follow": alert.followed_type_id is not None,
                    "filters": alert_description(alert),
                    "everything": alert.kind == EVERYTHING and alert.followed_type_id is None,
                }
                for alert, _matching in group
            ],
            "html_lang": language.html_lang,
            **links,
        }
        ids = "-".join(str(change.pk) for _alert, matching in group for change, _item in matching)
        headers = {
            "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # The same for a resend, so mail systems can drop a duplicate.
            "Message-ID": f"<alert-{subscriber.pk}-{first.frequency}-{ids}@{site_domain()}>",
        }
        return _message(
            to=subscriber.email,
            language=language,
            template="alert",
            context=context,
            headers=headers,
        )
