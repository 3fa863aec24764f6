"""check_links and the ready-for-review check: results kept, uses recorded, broken links listed
for staff in the admin and on the publishing page. Links point at a local http.server."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.linkcheck.extract import links_in
from portal.linkcheck.models import Link, LinkUse
from portal.linkcheck.services import links_check_soon
from portal.publishing.snapshots import Snapshot
from portal.roles import EDITOR, PUBLISHER
from tests.portal.admin_forms import form_data
from tests.portal.factories import make_organisation, make_staff, sign_in, staff_client
from tests.portal.linkserver import link_site
from tests.schemes.factories import add_section, make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    with link_site() as site:
        yield site


def scheme_linking_to(site, *, status="published"):
    organisation = make_organisation(website=site.url("/ok/hkmc"))
    scheme = make_scheme(
        organisation=organisation,
        slug="sgs",
        name_en="SME Loan Guarantee Scheme",
        name_zh_hant="中小企業信貸保證計劃",
        website=site.url("/moved"),
        status=status,
    )
    add_section(
        scheme,
        anchor="apply",
        heading_en="How to apply",
        heading_zh_hant="申請方法",
        body_en=f'<p><a href="{site.url("/missing")}">Form</a>, '
        f'<a href="mailto:a@tid.gov.hk">mail</a>, <a href="/en/schemes/">our list</a>, '
        f'<a href="http://testserver/en/">our home</a></p>',
        body_zh_hant=f'<p><a href="{site.url("/ok/zh")}">表格</a></p>',
    )
    return scheme


def test_outside_links_are_found_in_url_fields_and_rich_text_in_both_languages(site):
    scheme = scheme_linking_to(site)
    found = {(entry.url, entry.field) for entry in links_in(Snapshot.of(scheme))}
    assert found == {
        (site.url("/moved"), "website_en"),
        (site.url("/missing"), "body_en"),
        (site.url("/ok/zh"), "body_zh_hant"),
    }


def test_check_links_keeps_each_result_and_where_it_is_used(site):
    scheme = scheme_linking_to(site)
    make_scheme(slug="draft", status="draft", website=site.url("/ok/draft-only"))
    call_command("check_links", stdout=io.StringIO())
    links = {link.url: link for link in Link.objects.all()}
    assert site.url("/ok/draft-only") not in links  # drafts wait for their review
    assert links[site.url("/missing")].status_code == 404
    assert links[site.url("/missing")].broken
    moved = links[site.url("/moved")]
    assert not moved.broken and moved.redirects == [{"status": 301, "url": "/ok/new-home"}]
    assert links[site.url("/ok/hkmc")].checked_at is not None  # the organisation's website
    [use] = LinkUse.objects.filter(link=links[site.url("/missing")])
    assert (use.object_id, use.record.split(":")[0], use.field) == (
        scheme.pk,
        "schemes.schemesection",
        "body_en",
    )


def test_a_link_stays_broken_since_its_first_failure_and_recovers(site):
    make_scheme(website=site.url("/flaky"))
    first = timezone.now() - datetime.timedelta(days=2)
    with time_machine.travel(first, tick=False):
        call_command("check_links", stdout=io.StringIO())
    call_command("check_links", stdout=io.StringIO())
    assert Link.objects.get().broken_since == first
    site.flaky_fixed = True
    call_command("check_links", stdout=io.StringIO())
    link = Link.objects.get()
    assert (link.broken, link.status_code) == (False, 200)


def test_unpublished_items_drop_out_of_the_uses(site):
    scheme = make_scheme(website=site.url("/missing"))
    call_command("check_links", stdout=io.StringIO())
    scheme.status = "draft"
    scheme.save()
    call_command("check_links", stdout=io.StringIO())
    assert not LinkUse.objects.exists()


def test_publishing_records_the_uses_at_once(site):
    scheme = make_scheme(status="draft", website=site.url("/ok/new"))
    client = staff_client(role=PUBLISHER)
    client.post(
        reverse("admin:schemes_scheme_changelist"),
        {"action": "publish_selected", "_selected_action": [scheme.pk]},
    )
    assert LinkUse.objects.get().link.url == site.url("/ok/new")


def test_a_draft_marked_ready_for_review_has_its_links_checked(site):
    scheme = scheme_linking_to(site, status="draft")
    editor = staff_client(role=EDITOR)
    url = reverse("admin:schemes_scheme_publishing", args=[scheme.pk])
    editor.post(url, {"action": "ready", "note": ""})
    assert Link.objects.get(url=site.url("/missing")).broken
    assert Link.objects.get(url=site.url("/ok/zh")).checked_at is not None


@pytest.mark.parametrize(
    ("language", "heading", "problem", "where"),
    [
        (
            "en",
            "Broken outside links",
            "404 (Error page)",
            "Section “How to apply”: Body (English)",
        ),
        ("zh-hant", "失效的外界連結", "404（錯誤頁）", "部分「申請方法」：內容（英語）"),
    ],
)
def test_the_publisher_sees_the_broken_links_before_publishing(
    site, language, heading, problem, where
):
    scheme = scheme_linking_to(site, status="draft")
    staff_client(role=EDITOR).post(
        reverse("admin:schemes_scheme_publishing", args=[scheme.pk]), {"action": "ready"}
    )
    response = staff_client(role=PUBLISHER, language=language).get(
        reverse("admin:schemes_scheme_publishing", args=[scheme.pk])
    )
    page = response.content.decode()
    assert heading in page
    assert site.url("/missing") in page and problem in page
    assert where in page


def test_pending_changes_are_what_the_publishing_page_checks(site):
    scheme = make_scheme(website=site.url("/ok/live"))
    editor = staff_client(role=EDITOR)
    change = reverse("admin:schemes_scheme_change", args=[scheme.pk])
    data = form_data(editor.get(change))
    data["website_en"] = site.url("/missing")
    assert editor.post(change, data).status_code == 302
    editor.post(reverse("admin:schemes_scheme_publishing", args=[scheme.pk]), {"action": "ready"})
    page = editor.get(reverse("admin:schemes_scheme_publishing", args=[scheme.pk]))
    assert site.url("/missing") in page.content.decode()
    assert site.url("/ok/live") not in page.content.decode()


def test_links_checked_lately_are_not_fetched_again(site):
    make_scheme(website=site.url("/ok/a"))
    call_command("check_links", stdout=io.StringIO())
    before = len(site.requests)
    links_check_soon(urls=[site.url("/ok/a")])
    assert len(site.requests) == before


@pytest.mark.django_db(transaction=True)
def test_in_production_the_ready_for_review_check_runs_in_a_thread(site, settings):
    settings.LINK_CHECK_BACKGROUND = True
    thread = links_check_soon(urls=[site.url("/missing"), site.url("/ok/b")])
    assert thread is not None
    thread.join(timeout=30)
    assert Link.objects.get(url=site.url("/missing")).broken
    assert not Link.objects.get(url=site.url("/ok/b")).broken


@pytest.mark.parametrize("role", [EDITOR, PUBLISHER])
@pytest.mark.parametrize(
    ("language", "title", "used_on"),
    [("en", "Outside links", "used on"), ("zh-hant", "外界連結", "使用於")],
)
def test_staff_see_broken_links_newest_failure_first_with_the_pages_using_them(
    site, role, language, title, used_on
):
    make_scheme(slug="older", name_en="Older scheme", website=site.url("/gone"))
    with time_machine.travel(timezone.now() - datetime.timedelta(days=3), tick=False):
        call_command("check_links", stdout=io.StringIO())
    scheme_linking_to(site)  # its /missing fails from today
    call_command("check_links", stdout=io.StringIO())
    response = staff_client(role=role, language=language).get(
        reverse("admin:portal_link_changelist") + "?state=broken"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert title in page and used_on in page.lower()
    rows = [link.url for link in response.context["cl"].result_list]
    assert rows == [site.url("/missing"), site.url("/gone")]  # /missing failed last
    assert "SME Loan Guarantee Scheme" in page or "中小企業信貸保證計劃" in page


def test_staff_without_a_role_do_not_see_the_links(site):
    client = Client()
    sign_in(client, make_staff())
    assert client.get(reverse("admin:portal_link_changelist")).status_code == 403


def test_nobody_changes_the_results_in_the_admin(site):
    make_scheme(website=site.url("/missing"))
    call_command("check_links", stdout=io.StringIO())
    link = Link.objects.get()
    client = staff_client(role=PUBLISHER)
    response = client.post(reverse("admin:portal_link_change", args=[link.pk]), {"url": "x"})
    assert response.status_code == 403
    assert client.post(reverse("admin:portal_link_delete", args=[link.pk])).status_code == 403
