import time

from django.apps import apps
from django.core.management import BaseCommand, call_command
from django.db import transaction

from portal.pagecache.generation import pages_changed
from portal.reviewdates.services import review_dates_fill
from portal.scaling import PER_FACTOR, Growth, vectors_borrow


class Command(BaseCommand):
    help = (
        "Grow the loaded seed to FACTOR times a small department's site ("
        + ", ".join(f"{count} {kind}s" for kind, count in PER_FACTOR.items())
        + " at factor 1): `make run SCALE=10`. Running it again adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=float, required=True)

    def handle(self, *args, factor, verbosity, **options):
        started = time.perf_counter()
        growth = Growth(factor=factor)
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                grow = getattr(app_config, "seed_grow", None)
                if grow:
                    added = grow(growth)
                    if verbosity >= 1:
                        self.stdout.write(f"{app_config.label}: {added}")
        call_command("search_reindex", verbosity=0)
        review_dates_fill()
        borrowed = vectors_borrow(growth.copied_from)
        pages_changed()
        if verbosity >= 1:
            self.stdout.write(
                f"{borrowed} passage vectors borrowed from the seed's; "
                f"{time.perf_counter() - started:.1f} s"
            )
