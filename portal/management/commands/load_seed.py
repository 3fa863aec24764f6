from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, call_command


class Command(BaseCommand):
    help = "Load the seed content in fixtures/. Running it again updates the same rows."

    def handle(self, *args, **options):
        fixtures = sorted(str(path) for path in Path(settings.BASE_DIR, "fixtures").glob("*.json"))
        if not fixtures:
            self.stdout.write("No seed fixtures to load.")
            return
        # One call, one transaction: fixtures may refer to each other in any order.
        call_command("loaddata", *fixtures, verbosity=options["verbosity"])
        # loaddata saves raw rows; derived search columns are rebuilt here.
        call_command("search_reindex", verbosity=options["verbosity"])
        # The seed's passage vectors ship with it: what changed since is embedded by the first
        # index build (manage.py search_vectors --embed --export rewrites the file).
        vectors = Path(settings.BASE_DIR, "fixtures", "search_vectors.npz")
        if vectors.exists():
            call_command("search_vectors", import_path=str(vectors), verbosity=0)
