"""The "Content editor" and "Content publisher" groups (see portal.roles).

roles_sync() reads the current models on purpose: it touches only auth's own tables, and on a
fresh database it must grant permissions on every content model, including later apps'.
Section apps add a migration like this one so existing databases grant their models too.
"""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from portal.roles import roles_sync

    roles_sync(using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_publish_permission"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
