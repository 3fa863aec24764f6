import pytest
from django.core.cache import cache

from portal.search import content_changed


@pytest.fixture(autouse=True)
def fresh_index_and_rate_limit():
    """Each test starts with no rate-limit counts and an index rebuilt from its own data."""
    cache.clear()
    content_changed()
    yield
    content_changed()
