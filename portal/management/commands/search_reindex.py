from django.apps import apps
from django.core.management import BaseCommand


class Command(BaseCommand):
    help = "Rebuild the search columns of every app that keeps one (AppConfig.reindex_search)."

    def handle(self, *args, **options):
        for app_config in apps.get_app_configs():
            reindex = getattr(app_config, "reindex_search", None)
            if reindex:
                count = reindex()
                if options["verbosity"] >= 1:
                    self.stdout.write(f"{app_config.label}: {count} items reindexed")
