"""Every way of writing personal data the probe tried (issue 25) is refused by the assistant's
page and its JSON, never stored for staff, in English and inside Chinese sentences."""

import pytest

from assistant.models import LoggedQuestion
from tests.assistant.test_personal_data import PERSONAL_DATA, with_zero_width

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("prefix", ["en", "tc", "sc"])
@pytest.mark.parametrize("written", PERSONAL_DATA)
def test_every_variant_is_refused_and_not_kept(client, written, prefix):
    for question in (f"can I apply? {written}", with_zero_width(written)):
        data = client.get(f"/{prefix}/assistant/answer.json", {"q": question}).json()
        assert data["refused"] is True, question
        response = client.get(f"/{prefix}/assistant/", {"q": question})
        assert response.status_code == 302 and response["Location"].endswith("?refused=1")
    assert not LoggedQuestion.objects.exists()
