from django.core.management import BaseCommand

from portal.roles import roles_sync


class Command(BaseCommand):
    help = "Create the staff groups and grant their permissions on every content model."

    def handle(self, *args, **options):
        for group, count in roles_sync().items():
            self.stdout.write(f"{group}: {count} permissions")
