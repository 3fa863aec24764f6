"""Review dates: set on publishing, "Mark reviewed" for publishers only (action and button),
kept through pending changes and restores, shown on the admin home and the public pages."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.urls import reverse

from notices.models import Notice
from portal.models import AuditEntry, PublishingStep
from portal.reviewdates.services import months_after
from portal.roles import EDITOR, PUBLISHER
from tests.notices.factories import make_notice
from tests.portal.admin_forms import action_form_data, form_data
from tests.portal.factories import make_organisation, staff_client
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 7)
NOW = datetime.datetime(2026, 12, 7, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(NOW, tick=False):
        yield


def change_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def reviewed_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_reviewed", args=[item.pk])


def publish_from_list(client, item):
    opts = item._meta
    return client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        {"action": "publish_selected", "_selected_action": [item.pk]},
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 8, 31), 6, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 8, 31), 6, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 12, 7), 12, datetime.date(2027, 12, 7)),
        (datetime.date(2019, 9, 27), 6, datetime.date(2020, 3, 27)),
    ],
)
def test_months_after_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert months_after(day, months) == expected


@pytest.mark.parametrize(
    ("make", "due"),
    [
        (lambda: make_scheme(status="draft", last_reviewed=None), datetime.date(2027, 6, 7)),
        (lambda: make_organisation(status="draft"), datetime.date(2027, 12, 7)),  # 12
        (lambda: make_notice(status="draft"), datetime.date(2027, 12, 7)),  # 12
    ],
)
def test_publishing_sets_the_next_review_by_kind(make, due):
    item = make()
    assert item.next_review is None
    publish_from_list(staff_client(role=PUBLISHER), item)
    item.refresh_from_db()
    assert (item.status, item.next_review, item.last_reviewed) == ("published", due, None)


def test_the_default_period_and_each_kinds_come_from_settings(settings):
    settings.CONTENT_REVIEW_MONTHS = {"schemes.scheme": 3}
    settings.CONTENT_REVIEW_DEFAULT_MONTHS = 2
    scheme, organisation = make_scheme(status="draft"), make_organisation(status="draft")
    client = staff_client(role=PUBLISHER)
    publish_from_list(client, scheme)
    publish_from_list(client, organisation)
    scheme.refresh_from_db()
    organisation.refresh_from_db()
    assert scheme.next_review == datetime.date(2027, 3, 7)
    assert organisation.next_review == datetime.date(2027, 2, 7)


def test_a_publishers_change_to_a_live_item_keeps_its_review_date():
    scheme = make_scheme(next_review=datetime.date(2027, 1, 1))
    client = staff_client(role=PUBLISHER)
    data = form_data(client.get(change_url(scheme)))
    data["summary_en"] = "Changed."
    assert client.post(change_url(scheme), data).status_code == 302
    scheme.refresh_from_db()
    assert (scheme.summary_en, scheme.next_review) == ("Changed.", datetime.date(2027, 1, 1))


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Marked reviewed: the next review is due on 7 June 2027."),
        ("zh-hant", "已標示為已審閱：下次審閱日期為2027年6月7日。"),
    ],
)
def test_a_publisher_marks_an_item_reviewed_with_the_button(language, message):
    scheme = make_scheme(last_reviewed=datetime.date(2019, 9, 27))
    client = staff_client(role=PUBLISHER, language=language)
    page = client.get(change_url(scheme)).content.decode()
    assert f'action="{reviewed_url(scheme)}"' in page and 'form="mark-reviewed-form"' in page
    response = client.post(reviewed_url(scheme), follow=True)
    assert message in response.content.decode()
    scheme.refresh_from_db()
    assert (scheme.last_reviewed, scheme.next_review) == (TODAY, datetime.date(2027, 6, 7))
    step = PublishingStep.objects.get()
    assert step.action == PublishingStep.Action.REVIEWED
    assert AuditEntry.objects.filter(action=AuditEntry.Action.REVIEWED).count() == 1


def test_marking_reviewed_does_not_count_as_an_edit():
    """No version, no new "last modified": a colleague's open form still saves."""
    scheme = make_scheme()
    updated_at = scheme.updated_at
    staff_client(role=PUBLISHER).post(reviewed_url(scheme))
    scheme.refresh_from_db()
    assert scheme.updated_at == updated_at


def test_a_publisher_marks_several_reviewed_from_the_list_but_not_drafts():
    live, draft = make_scheme(), make_scheme(status="draft", last_reviewed=None)
    response = staff_client(role=PUBLISHER).post(
        reverse("admin:schemes_scheme_changelist"),
        {"action": "mark_reviewed", "_selected_action": [live.pk, draft.pk]},
        follow=True,
    )
    assert "1 marked reviewed." in response.content.decode()
    live.refresh_from_db()
    draft.refresh_from_db()
    assert (live.last_reviewed, draft.last_reviewed) == (TODAY, None)


def test_an_editor_cannot_mark_reviewed_by_any_route():
    scheme = make_scheme(last_reviewed=datetime.date(2019, 9, 27))
    editor = staff_client(role=EDITOR)
    page = editor.get(change_url(scheme)).content.decode()
    assert "mark-reviewed-form" not in page
    changelist = editor.get(reverse("admin:schemes_scheme_changelist")).content.decode()
    assert 'value="mark_reviewed"' not in changelist
    editor.post(
        reverse("admin:schemes_scheme_changelist"),
        {"action": "mark_reviewed", "_selected_action": [scheme.pk]},
    )
    assert editor.post(reviewed_url(scheme)).status_code == 403
    assert editor.get(reviewed_url(scheme)).status_code == 405
    scheme.refresh_from_db()
    assert scheme.last_reviewed == datetime.date(2019, 9, 27)
    assert not PublishingStep.objects.exists()


def test_editors_see_the_review_dates_but_cannot_type_them():
    scheme = make_scheme(last_reviewed=datetime.date(2019, 9, 27), next_review=TODAY)
    editor = staff_client(role=EDITOR)
    response = editor.get(change_url(scheme))
    assert "27 September 2019" in response.content.decode()
    data = form_data(response)
    assert "last_reviewed" not in data and "next_review" not in data
    data.update(last_reviewed="2026-12-01", next_review="2030-01-01", summary_en="Edited.")
    editor.post(change_url(scheme), data)  # waits for a publisher
    scheme.refresh_from_db()
    assert (scheme.last_reviewed, scheme.next_review) == (datetime.date(2019, 9, 27), TODAY)


def test_publishing_an_editors_changes_keeps_a_review_made_meanwhile():
    scheme = make_scheme(last_reviewed=datetime.date(2019, 9, 27))
    editor, publisher = staff_client(role=EDITOR), staff_client(role=PUBLISHER)
    data = form_data(editor.get(change_url(scheme)))
    data["summary_en"] = "Edited."
    editor.post(change_url(scheme), data)
    publisher.post(reviewed_url(scheme))
    publishing = reverse("admin:schemes_scheme_publishing", args=[scheme.pk])
    publisher.post(publishing, action_form_data(publisher.get(publishing), "publish"))
    scheme.refresh_from_db()
    assert (scheme.summary_en, scheme.last_reviewed) == ("Edited.", TODAY)


def test_restoring_an_older_version_keeps_the_review_dates():
    import reversion
    from reversion.models import Version

    scheme = make_scheme(summary_en="Old text.", last_reviewed=datetime.date(2019, 9, 27))
    with reversion.create_revision():
        scheme.save()
    publisher = staff_client(role=PUBLISHER)
    publisher.post(reviewed_url(scheme))
    version = Version.objects.get_for_object(scheme).first()
    url = reverse("admin:schemes_scheme_revision", args=[scheme.pk, version.pk])
    data = form_data(publisher.get(url))
    assert publisher.post(url, data).status_code == 302
    scheme.refresh_from_db()
    assert (scheme.summary_en, scheme.last_reviewed) == ("Old text.", TODAY)


@pytest.mark.parametrize(
    ("role", "language", "heading"),
    [(EDITOR, "en", "Overdue for review"), (PUBLISHER, "zh-hant", "逾期未審閱")],
)
def test_the_admin_home_lists_what_is_overdue(role, language, heading):
    make_scheme(name_en="Old scheme", name_zh_hant="舊計劃", next_review=datetime.date(2020, 3, 27))
    make_scheme(name_en="Fresh scheme", next_review=datetime.date(2027, 3, 1))
    make_scheme(name_en="Draft scheme", status="draft", next_review=datetime.date(2020, 1, 1))
    page = staff_client(role=role, language=language).get(reverse("admin:index")).content.decode()
    assert heading in page
    assert ("Old scheme" if language == "en" else "舊計劃") in page
    assert "Fresh scheme" not in page and "Draft scheme" not in page


def test_the_list_filters_overdue_items():
    old = make_scheme(next_review=datetime.date(2020, 3, 27))
    make_scheme(next_review=datetime.date(2027, 3, 1))
    response = staff_client(role=EDITOR).get(
        reverse("admin:schemes_scheme_changelist") + "?review_due=overdue"
    )
    assert list(response.context["cl"].result_list) == [old]


@pytest.mark.parametrize(
    ("prefix", "label"), [("en", "Last reviewed"), ("tc", "最後審閱日期"), ("sc", "最后审阅日期")]
)
def test_public_scheme_and_notice_pages_show_the_last_review(client, prefix, label):
    scheme = make_scheme(slug="sgs", last_reviewed=TODAY)
    notice = make_notice(slug="privacy-policy", last_reviewed=TODAY)
    for url in (f"/{prefix}/schemes/{scheme.slug}/", f"/{prefix}/notices/{notice.slug}/"):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        [reviewed] = soup.select("main time[datetime='2026-12-07']")
        assert label in reviewed.parent.get_text()
        assert reviewed.get_text() == ("7 December 2026" if prefix == "en" else "2026年12月7日")


def test_a_page_never_reviewed_says_nothing_about_it(client):
    notice = make_notice(slug="privacy-policy", last_reviewed=None)
    assert "Last reviewed" not in client.get(f"/en/notices/{notice.slug}/").content.decode()
    assert Notice.objects.get().last_reviewed is None
