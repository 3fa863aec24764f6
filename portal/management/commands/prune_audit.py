from django.conf import settings
from django.core.management.base import BaseCommand

from portal.audit import audit_prune


class Command(BaseCommand):
    help = "Delete audit record entries older than AUDIT_RETENTION_DAYS (run it daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.AUDIT_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        deleted = audit_prune(days=days)
        self.stdout.write(f"Deleted {deleted} audit record entries older than {days} days.")
