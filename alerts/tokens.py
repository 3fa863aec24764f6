"""Signed links in alert e-mails: nobody needs an account, nobody can guess another's link."""

import datetime

from django.core import signing

CONFIRM_SALT = "alerts.confirm"
MANAGE_SALT = "alerts.manage"
CONFIRM_MAX_AGE = datetime.timedelta(days=7)


def confirm_token(alert) -> str:
    return signing.dumps({"alert": alert.pk, "email": alert.subscriber.email}, salt=CONFIRM_SALT)


def confirm_token_read(token: str) -> dict | None:
    """The token's data, or None when it is forged or older than 7 days."""
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None


def manage_token(subscriber) -> str:
    # The address is inside, so a link stops working once the address is deleted.
    return signing.dumps({"subscriber": subscriber.pk, "email": subscriber.email}, salt=MANAGE_SALT)


def manage_token_read(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=MANAGE_SALT)
    except signing.BadSignature:
        return None
