"""`make bench` only: the production settings with the bench URLconf (the framework limit)."""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.bench_urls"
