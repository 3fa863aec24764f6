from django.core.management import BaseCommand

from assistant.services import questions_purge


class Command(BaseCommand):
    help = "Delete the assistant's logged questions and suggestions older than 90 days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90)

    def handle(self, *args, **options):
        deleted = questions_purge(days=options["days"])
        self.stdout.write(f"{deleted} old questions deleted")
