"""E-mails of the publishing workflow, each in its recipient's admin language: to publishers
when an item is marked ready for review (one each per item), to the editor when it is sent
back. A mail server that fails loses no step: the step is kept and the sender is told."""

import logging
import smtplib

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from portal.roles import PUBLISH_PERMISSION
from portal.staff import admin_language_of

logger = logging.getLogger(__name__)


def publishers():
    """Active staff with an e-mail address who may publish (administrators too)."""
    app_label, codename = PUBLISH_PERMISSION.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    may_publish = (
        Q(is_superuser=True)
        | Q(groups__permissions__in=permission)
        | Q(user_permissions__in=permission)
    )
    staff = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    return staff.filter(may_publish).distinct().order_by("pk")


def one_line(text) -> str:
    return " ".join(str(text).split())


def _message(*, user, subject: str, template: str, context: dict) -> EmailMessage:
    """Written in `user`'s admin language, item names included (they are translated fields)."""
    with translation.override(admin_language_of(user)):
        item = context["item"]
        context = {
            **context,
            "user": user,
            "name": one_line(item),
            "kind": item._meta.verbose_name,
        }
        subject = gettext(subject) % {"item": one_line(item)}
        body = render_to_string(template, context)
    return EmailMessage(subject, body, to=[user.email])


def _send(messages: list[EmailMessage]) -> bool:
    if not messages:
        return True
    try:
        get_connection().send_messages(messages)
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not send %d publishing e-mails", len(messages))
        return False
    return True


def review_requested_send(*, item, review, url: str) -> bool:
    messages = [
        _message(
            user=user,
            subject=gettext_noop("Ready for review: %(item)s"),
            template="portal/email/review_requested.txt",
            context={"item": item, "review": review, "url": url},
        )
        for user in publishers()
        if user.pk != review.requested_by_id
    ]
    return _send(messages)


def review_sent_back_send(*, item, editor, by, note: str, url: str) -> bool:
    if editor is None or not editor.email or not editor.is_active:
        return True
    message = _message(
        user=editor,
        subject=gettext_noop("Sent back: %(item)s"),
        template="portal/email/review_sent_back.txt",
        context={"item": item, "by": by, "note": note, "url": url},
    )
    return _send([message])
