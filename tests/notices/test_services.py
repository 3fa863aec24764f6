import datetime

import pytest
from django.contrib.admin.sites import AdminSite
from django.utils import timezone

from notices.admin import NoticeAdmin
from notices.models import Notice
from notices.services import notice_revise
from portal.models import Publishable
from tests.notices.factories import REVISED, make_notice

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


def edited(notice, **changes) -> Notice:
    """The notice as the admin form hands it over: a fresh instance with the changes."""
    copy = Notice.objects.get(pk=notice.pk)
    for name, value in changes.items():
        setattr(copy, name, value)
    return copy


@pytest.mark.parametrize(
    "changes",
    [
        {"title_en": "Security Statement (revised)"},
        {"body_zh_hant": "<p>新內文。</p>"},
        {"closing_text_en": "<p>A new closing paragraph.</p>"},
        {"enquiry_email": "enquiry@tid.gov.hk"},
    ],
)
def test_changed_text_of_a_published_notice_is_dated_today(changes):
    previous = make_notice()
    notice = edited(previous, **changes)
    assert notice_revise(notice=notice, previous=previous, today=TODAY) is True
    assert notice.last_revised == TODAY


def test_saving_without_changes_keeps_the_date():
    previous = make_notice()
    notice = edited(previous, order=99)
    assert notice_revise(notice=notice, previous=previous, today=TODAY) is False
    assert notice.last_revised == REVISED


def test_drafts_and_new_notices_keep_their_date():
    draft = make_notice(status=Publishable.Status.DRAFT)
    notice = edited(draft, title_en="Changed")
    assert notice_revise(notice=notice, previous=draft, today=TODAY) is False
    new = Notice(title_en="New", last_revised=REVISED, status=Publishable.Status.PUBLISHED)
    assert notice_revise(notice=new, previous=None, today=TODAY) is False
    assert new.last_revised == REVISED


def test_a_date_staff_set_themselves_is_kept():
    previous = make_notice()
    chosen = datetime.date(2025, 1, 1)
    notice = edited(previous, title_en="Changed", last_revised=chosen)
    assert notice_revise(notice=notice, previous=previous, today=TODAY) is False
    assert notice.last_revised == chosen


def test_admin_save_dates_the_revision(rf, admin_user):
    previous = make_notice()
    notice = edited(previous, body_en="<p>Revised text.</p>")
    request = rf.post("/admin/")
    request.user = admin_user
    before = timezone.localdate()
    NoticeAdmin(Notice, AdminSite()).save_model(request, notice, form=None, change=True)
    saved = Notice.objects.get(pk=previous.pk)
    assert saved.body_en == "<p>Revised text.</p>"
    assert saved.last_revised in {before, timezone.localdate()}
