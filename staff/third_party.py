"""The admin in Traditional Chinese includes the screens of libraries that ship no Traditional
Chinese (django-axes, django-otp, django-reversion): their names here, and their interface
strings listed below so that `make translations` keeps them in our catalogue, where gettext
finds them first. Permission names, which Django stores in English, are shown translated."""

from django.apps import apps
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

APP_NAMES = {
    "axes": _("Sign-in attempts"),
    "otp_static": _("Recovery codes"),
    "otp_totp": _("Authenticator apps"),
    "reversion": _("Saved versions"),
}
DEFAULT_ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}

LIBRARY_STRINGS = (
    # django-axes: its models, fields and admin.
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Access Attempt"),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Access lock out"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("Logout Time"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("Locked Out"),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Not set"),
    gettext_noop("Attempt Remaining"),
    # django-reversion: history, restore and recover pages.
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Choose a date from the list below to recover a deleted version of an object."),
    gettext_noop("There are no deleted objects to recover."),
    gettext_noop("Press the save button below to recover this version of the object."),
    gettext_noop("Press the save button below to revert to this version of the object."),
    gettext_noop("Date/time"),
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop("Initial version."),
    gettext_noop("Could not load %(object_repr)s version - not found"),
    gettext_noop("Could not save %(object_repr)s version - missing dependency."),
)


def library_names_apply() -> None:
    """Called once the apps are ready: their names as the admin shows them."""
    for label, name in APP_NAMES.items():
        if apps.is_installed(label) or label in apps.app_configs:
            apps.get_app_config(label).verbose_name = name


def permission_label(permission) -> str:
    """ "Site | organisation | Can add organisation", in the admin's language."""
    content_type = permission.content_type
    model = content_type.model_class()
    app_config = apps.app_configs.get(content_type.app_label)
    app = app_config.verbose_name if app_config else content_type.app_label
    model_name = model._meta.verbose_name if model else content_type.model
    action, _sep, rest = permission.codename.partition("_")
    if action in DEFAULT_ACTIONS and model is not None and rest == model._meta.model_name:
        text = DEFAULT_ACTIONS[action] % {"model": model_name}
    else:
        text = gettext(permission.name)
    return f"{app} | {model_name} | {text}"
