import pytest

from assistant.clauses import without_business_size


@pytest.mark.parametrize(
    ("question", "asked", "described"),
    [
        ("我間公司得12個人，想買電腦，有冇資助？", "想買電腦，有冇資助？", "我間公司得12個人"),
        ("我公司有12個員工，想買電腦", "想買電腦", "我公司有12個員工"),
        (
            "My company has 12 people and wants to buy computers. Is there any funding?",
            "wants to buy computers. Is there any funding?",
            "My company has 12 people and",
        ),
        ("我們有12個員工，想申請BUD基金", "想申請BUD基金", "我們有12個員工"),
    ],
)
def test_the_size_of_the_business_is_context_not_the_topic(question, asked, described):
    assert without_business_size(question) == (asked, described)


@pytest.mark.parametrize(
    "question",
    [
        "we have 12 staff, are we an SME?",  # the size is what is asked about
        "做廠嘅，有80個工人，仲算唔算中小企",
        "50人嘅獎勵旅遊團可以攞幾多",  # one clause: the group's size is the topic
        "個人擔保",  # 個人 with no number is "personal"
    ],
)
def test_a_question_about_size_or_eligibility_stays_whole(question):
    assert without_business_size(question) == (question, "")
