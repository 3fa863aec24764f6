import pytest
import time_machine

from tests.events.factories import hong_kong

# Every events test runs at this moment unless it says otherwise.
NOW = hong_kong(2030, 3, 1, 12, 0)


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield NOW
