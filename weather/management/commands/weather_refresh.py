import time

from django.conf import settings
from django.core.management.base import BaseCommand

from weather.services import weather_refresh


class Command(BaseCommand):
    help = "Fetch the Hong Kong Observatory's humidity and warnings into the shared cache."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=int, default=0, help="repeat every this many seconds (e.g. 600)"
        )

    def handle(self, *, every, **options):
        while True:
            refreshed = weather_refresh(interval=every or settings.WEATHER_REFRESH_SECONDS)
            self.stdout.write("Weather refreshed." if refreshed else "Weather not refreshed.")
            if not every:
                return
            time.sleep(every)
