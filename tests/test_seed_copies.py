"""The test copies of the seeds match the originals, where the originals are beside the repo."""

from tests.paths import BASE_DIR
from tests.seeds import SEEDS

ORIGINALS = BASE_DIR.parent / "shared" / "seeds"


def test_seed_copies_match_the_originals():
    copies = sorted(SEEDS.glob("*.txt"))
    assert [copy.name[:3] for copy in copies] == ["000", "001", "002", "003"]
    for copy in copies:
        original = ORIGINALS / copy.name
        # CI runs with shared/ beside the clone; a bare checkout has only the copies.
        if original.exists():
            assert copy.read_bytes() == original.read_bytes(), copy.name
