"""`make eval`: the assistant's accuracy on every evaluation set, on a fresh seeded database.

Per set and language: the right page first and in the top three (formal, colloquial, the
colloquial questions held out, follow-ups), and the share of out-of-scope questions answered
"no information"; then each miss.
"""

import logging
import os
from contextlib import contextmanager

import django


@contextmanager
def seeded_database():
    """A throw-away test database with the seed loaded (SQLite unless DATABASE_URL says)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    logging.disable(logging.INFO)
    setup_test_environment()
    name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_seed", verbosity=0)
        yield
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


def main():
    with seeded_database():
        from django.test import Client

        from .evaluation import evaluate, report

        print(report(evaluate(Client())))


if __name__ == "__main__":
    main()
