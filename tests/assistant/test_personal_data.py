import pytest

from assistant.personal_data import contains_personal_data, hkid_valid, luhn_valid

PUBLISHED = frozenset({"23985129"})
ZERO_WIDTH = "\u200b"

# Every way the probe wrote personal data (issue 25), and the ones refused before it.
PERSONAL_DATA = [
    "my HKID is A123456(3)",
    "身份證 A1234563",
    "id card AB987654(3) please check",
    "passport K12345678",
    "call me on 9123 4567",
    "my number is +852 6123-4567",
    "write to chan.tai.man@example.com",
    "card 4111 1111 1111 1111 was charged",
    "A123456(3)",
    "9123 4567",
    "4111 1111 1111 1111",
    "a.b@example.com",
    "A 123456(3)",
    "A 123 456 (3)",
    "A-123456-3",
    "A123456[3]",
    "9123.4567",
    "912 34567",
    "+86 138 0013 8000",
    "4111.1111.1111.1111",
    "4111/1111/1111/1111",
    "chan @ abc.com.hk",
    "K 1234 5678",
    "我的身份證是 A 123456(3) 可唔可以申請",
    "我的身份證是A123456(3)可唔可以申請",
    "我電話係9123 4567，請打俾我",
    "我的電郵是chan@abc.com.hk可以嗎",
    "內地手機+86 138 0013 8000",
    "Ａ１２３４５６（３）",  # full-width forms
    "９１２３　４５６７",
    "chan＠abc.com.hk",
    "0086 13800138000",
    "my id is G123456(A)",
    "G123456A",
]


def with_zero_width(text: str) -> str:
    """The same text with a zero-width space inside every number and address."""
    return "".join(c + ZERO_WIDTH if c.isalnum() or c == "@" else c for c in text)


@pytest.mark.parametrize("question", PERSONAL_DATA)
def test_questions_with_personal_data_are_found(question):
    assert contains_personal_data(question, published_numbers=PUBLISHED)


@pytest.mark.parametrize("question", PERSONAL_DATA)
def test_zero_width_characters_hide_nothing(question):
    assert contains_personal_data(with_zero_width(question), published_numbers=PUBLISHED)


@pytest.mark.parametrize(
    "question",
    [
        "is 2398 5129 the SGS hotline?",
        "is 2398-5129 the SGS hotline?",
        "SGS guarantee of HKD 6,000,000",
        "MIC groups 2019/20",
        "how much is 50% of 100000",
        "市場推廣基金最多資助幾多",
        "A123456(4) is not a valid identity card number",
        "is the deadline 2025-03-31?",
        "applications from 1/3/2025 - 30/4/2025",
        "schemes for 2024/2025",
        "funding in 2024 2025 2026 2027",
        "Q3 2025 trade fairs",
        "二零二五年3月31日截止嗎",
        "can I meet you @ 3pm. Thanks",
        "SFGS 80% guarantee, up to HK$18 million",
    ],
)
def test_ordinary_questions_and_our_published_numbers_pass(question):
    assert not contains_personal_data(question, published_numbers=PUBLISHED)


def test_the_evaluation_questions_are_never_refused():
    from tests.assistant.eval_questions import QUESTIONS

    questions = [question for pairs in QUESTIONS.values() for question, _ in pairs]
    refused = [q for q in questions if contains_personal_data(q, published_numbers=PUBLISHED)]
    assert refused == []


def test_hkid_check_digit_is_verified():
    assert hkid_valid("A", "123456", "3")
    assert not hkid_valid("A", "123456", "4")
    assert hkid_valid("AB", "987654", "3")


def test_luhn():
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")
