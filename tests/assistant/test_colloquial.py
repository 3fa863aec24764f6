import pytest
from django.core.exceptions import ValidationError

from assistant.models import ColloquialPhrase
from portal.roles import EDITOR
from tests.assistant.factories import make_phrase
from tests.notices.factories import make_notice
from tests.portal.factories import make_staff, sign_in
from tests.schemes.factories import add_section, make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def emf():
    make_notice(slug="chatbot", title_en="Chatbot Function", enquiry_phone="2398 5133")
    scheme = make_scheme(slug="emf", name_en="Export Marketing Fund", name_zh_hant="市場推廣基金")
    add_section(scheme, anchor="funding-amount", heading_zh_hant="資助金額",
                body_zh_hant="<p>每宗申請最多可獲得10萬元資助。</p>")  # fmt: skip


def test_a_phrase_staff_add_is_used_at_once(client, emf):
    question = {"q": "可以攞幾多"}
    assert client.get("/tc/assistant/answer.json", question).json()["matched"] is False
    make_phrase("攞", "獲得")
    make_phrase("幾多", "多少")
    data = client.get("/tc/assistant/answer.json", question).json()
    assert data["matched"] is True
    assert data["links"][0]["url"] == "/tc/schemes/emf/#funding-amount"


def test_editors_keep_the_phrases_beside_the_synonyms(client):
    sign_in(client, make_staff(role=EDITOR))
    index = client.get("/admin/assistant/")
    assert b"Colloquial phrases" in index.content and b"Synonyms and abbreviations" in index.content
    response = client.post(
        "/admin/assistant/colloquialphrase/add/", {"spoken": " 幾耐 ", "written": "多久"}
    )
    assert response.status_code == 302
    assert ColloquialPhrase.objects.get().spoken == "幾耐"


@pytest.mark.parametrize(
    ("spoken", "written", "field"),
    [
        ("", "多久", "spoken"),
        ("…", "", "spoken"),
        ("得…個…人", "", "spoken"),
        ("幾耐", "…日", "written"),
    ],
)
def test_a_phrase_that_cannot_work_is_explained(spoken, written, field):
    with pytest.raises(ValidationError) as error:
        ColloquialPhrase(spoken=spoken, written=written).full_clean()
    assert field in error.value.message_dict
