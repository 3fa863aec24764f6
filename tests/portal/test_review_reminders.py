"""content_review_reminders: a daily digest to each publisher in their admin language, through
a real SMTP server on loopback, with each item at most once a week."""

import datetime
import io

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from portal.models import ReviewReminder
from portal.roles import EDITOR, PUBLISHER
from tests.alerts.smtp import free_port, smtp_server, text_of, use_smtp
from tests.notices.factories import make_notice
from tests.portal.factories import make_colleague
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 12, 7, 1, 0, tzinfo=datetime.UTC)  # 09:00 in Hong Kong


@pytest.fixture
def mailbox(settings):
    with smtp_server() as mailbox:
        use_smtp(settings, mailbox.port)
        yield mailbox


@pytest.fixture
def team():
    make_colleague(role=PUBLISHER, username="chan")
    make_colleague(role=PUBLISHER, username="lee", language="zh-hant")
    make_colleague(role=EDITOR, username="wong")


@pytest.fixture
def content():
    return {
        "overdue": make_scheme(
            name_en="SME Loan Guarantee Scheme",
            name_zh_hant="中小企業信貸保證計劃",
            last_reviewed=datetime.date(2019, 9, 27),
            next_review=datetime.date(2020, 3, 27),
        ),
        "soon": make_notice(
            title_en="Privacy Policy",
            title_zh_hant="私隱政策",
            next_review=datetime.date(2026, 12, 14),
        ),
        "later": make_scheme(name_en="Fresh scheme", next_review=datetime.date(2027, 3, 1)),
        "draft": make_scheme(
            name_en="Draft scheme", status="draft", next_review=datetime.date(2020, 1, 1)
        ),
    }


def remind(at=NOW):
    out = io.StringIO()
    with time_machine.travel(at, tick=False):
        call_command("content_review_reminders", stdout=out)
    return out.getvalue()


def test_each_publisher_gets_one_digest_in_their_language(mailbox, team, content):
    assert "Reminded 2 publishers of 2 items" in remind()
    assert len(mailbox.messages) == 2 and not mailbox.to("wong@tid.gov.hk")
    [english] = mailbox.to("chan@tid.gov.hk")
    [chinese] = mailbox.to("lee@tid.gov.hk")
    assert english["Subject"] == "Content to review: 2 items"
    text = text_of(english)
    assert "Overdue" in text and "Funding scheme: SME Loan Guarantee Scheme" in text
    assert "Review was due on 27 March 2020. Last reviewed: 27 September 2019." in text
    assert "Notice: Privacy Policy" in text and "Last reviewed: never." in text
    assert f"http://testserver/admin/schemes/scheme/{content['overdue'].pk}/change/" in text
    assert "Fresh scheme" not in text and "Draft scheme" not in text
    assert chinese["Subject"] == "須審閱的內容：2 個項目"
    assert "中小企業信貸保證計劃" in text_of(chinese) and "私隱政策" in text_of(chinese)
    assert "應於2020年3月27日審閱。最後審閱日期：2019年9月27日。" in text_of(chinese)


def test_an_item_is_in_a_digest_at_most_once_a_week(mailbox, team, content):
    remind()
    remind(NOW + datetime.timedelta(days=1))
    assert len(mailbox.messages) == 2  # nothing new the next day
    remind(NOW + datetime.timedelta(days=7, hours=1))
    assert len(mailbox.messages) == 4  # a week on, both are due still


def test_a_mail_server_that_fails_loses_no_reminder(settings, team, content):
    use_smtp(settings, free_port())  # nobody listens there
    with pytest.raises(CommandError):
        remind()
    assert not ReviewReminder.objects.exists()
    with smtp_server() as mailbox:
        use_smtp(settings, mailbox.port)
        remind()
    assert len(mailbox.messages) == 2


def test_nothing_due_sends_nothing(mailbox, team):
    make_scheme(next_review=datetime.date(2027, 3, 1))
    assert "of 0 items" in remind()
    assert mailbox.messages == []


def test_with_no_publisher_to_tell_the_command_fails(mailbox, content):
    make_colleague(role=EDITOR, username="wong")
    User.objects.filter(username="wong").update(email="wong@tid.gov.hk")
    with pytest.raises(CommandError, match="no content publisher"):
        remind()
    assert not ReviewReminder.objects.exists()
