"""Grant the content roles the curated answers (see portal.roles), and the assistant's
staff tools: synonyms, the question log and suggested phrasings."""

from django.db import migrations

TOOLS = {"synonymgroup": ("add", "change", "delete", "view"),
         "loggedquestion": ("view", "delete"),
         "suggestedphrasing": ("view", "change", "delete")}


def sync_roles(apps, schema_editor):
    from django.contrib.auth.models import Group, Permission

    from portal.roles import EDITOR, PUBLISHER, roles_sync

    alias = schema_editor.connection.alias
    roles_sync(using=alias)
    codenames = [f"{action}_{model}" for model, actions in TOOLS.items() for action in actions]
    permissions = Permission.objects.using(alias).filter(
        content_type__app_label="assistant", codename__in=codenames
    )
    for group in Group.objects.using(alias).filter(name__in=[EDITOR, PUBLISHER]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("assistant", "0001_initial"),
        ("portal", "0004_staff_roles"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
