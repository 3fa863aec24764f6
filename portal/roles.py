"""Staff roles: the "Content editor" and "Content publisher" groups and their permissions.

`roles_sync()` is idempotent; data migrations and `manage.py sync_roles` call it, so a new
content model gets its permissions by running it again.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS
from django.utils.translation import gettext_noop

from portal.models import Publishable

# Group names, stored as they are here; the admin shows them translated.
EDITOR = gettext_noop("Content editor")
PUBLISHER = gettext_noop("Content publisher")
PUBLISH_PERMISSION = "portal.publish_content"
# Edited by staff but not Publishable themselves (scheme sections and contacts are inlines).
EXTRA_CONTENT_MODELS = (
    "portal.ConversionOverride",
    "schemes.SchemeSection",
    "schemes.SchemeContact",
    "schemes.EligibilityQuestion",
    "schemes.EligibilityOption",
    "schemes.EligibilityRule",
)


def content_models() -> list:
    publishable = [model for model in apps.get_models() if issubclass(model, Publishable)]
    return publishable + [apps.get_model(label) for label in EXTRA_CONTENT_MODELS]


def part_models() -> set:
    """Parts edited with an item (a scheme's sections): editors may remove them, since from a
    published item the removal waits for a publisher like any other change."""
    from portal.publishing.snapshots import parts_of

    publishable = [model for model in apps.get_models() if issubclass(model, Publishable)]
    return {part for model in publishable for part, _key in parts_of(model)}


def _permission(model, action: str, using: str) -> Permission:
    content_type = ContentType.objects.db_manager(using).get_for_model(
        model, for_concrete_model=False
    )
    return Permission.objects.using(using).get(
        content_type=content_type, codename=f"{action}_{model._meta.model_name}"
    )


def role_permissions(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[Permission]]:
    editor = []
    publisher = []
    parts = part_models()
    for model in content_models():
        # Editors may delete drafts of publishable items (the admin refuses published ones)
        # and remove an item's parts.
        editor_actions = ["add", "change", "view"]
        if issubclass(model, Publishable) or model in parts:
            editor_actions.append("delete")
        editor += [_permission(model, action, using) for action in editor_actions]
        publisher += [_permission(model, action, using) for action in ("add", "change", "view")]
        publisher.append(_permission(model, "delete", using))
    app_label, codename = PUBLISH_PERMISSION.split(".")
    publisher.append(
        Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename)
    )
    return {EDITOR: editor, PUBLISHER: publisher}


def roles_sync(*, using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Create both groups and grant their permissions; returns each group's permission count.

    Permissions are only added, never taken away, so extra grants made by hand survive.
    """
    # Inside a migration Django has not yet created the permissions of apps migrated later.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    counts = {}
    for name, permissions in role_permissions(using).items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.add(*permissions)
        counts[name] = group.permissions.count()
    return counts


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)
