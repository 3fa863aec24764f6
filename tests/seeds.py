"""The seed documents, from the copies in tests/seeds/."""

from tests.paths import BASE_DIR

SEEDS = BASE_DIR / "tests" / "seeds"


def seed_file(number: str):
    """The seed whose name starts with `number`, e.g. seed_file("002")."""
    return next(SEEDS.glob(f"{number}_*.txt"))
