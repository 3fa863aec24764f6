import pytest

from assistant.personal_data import contains_personal_data, hkid_valid, luhn_valid

PUBLISHED = frozenset({"23985129"})


@pytest.mark.parametrize(
    "question",
    [
        "my HKID is A123456(3)",
        "身份證 A1234563",
        "id card AB987654(3) please check",
        "passport K12345678",
        "call me on 9123 4567",
        "my number is +852 6123-4567",
        "write to chan.tai.man@example.com",
        "card 4111 1111 1111 1111 was charged",
    ],
)
def test_questions_with_personal_data_are_found(question):
    assert contains_personal_data(question, published_numbers=PUBLISHED)


@pytest.mark.parametrize(
    "question",
    [
        "is 2398 5129 the SGS hotline?",
        "SGS guarantee of HKD 6,000,000",
        "MIC groups 2019/20",
        "how much is 50% of 100000",
        "市場推廣基金最多資助幾多",
        "A123456(4) is not a valid identity card number",
    ],
)
def test_ordinary_questions_and_our_published_numbers_pass(question):
    assert not contains_personal_data(question, published_numbers=PUBLISHED)


def test_hkid_check_digit_is_verified():
    assert hkid_valid("A", "123456", "3")
    assert not hkid_valid("A", "123456", "4")
    assert hkid_valid("AB", "987654", "3")


def test_luhn():
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")
