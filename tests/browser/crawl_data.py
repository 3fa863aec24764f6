"""The content the accessibility crawl runs on: enough to fill every page type of the site.

To cover a new page type, add one `_build_<things>()` function below that creates its content
with the app's test factories and returns the `ExtraPage`s no link reaches (queries, empty
months, a 404); then call it from `crawl_data_build()`. Pages reachable by links need no entry:
the crawler finds them, and `test_crawl_reaches_every_page_type` fails until every named view
under the language prefixes has been crawled.
"""

import datetime
from urllib.parse import quote

from django.core.management import call_command
from django.utils import timezone

from alerts.tokens import confirm_token, manage_token
from events.models import Event
from notices.models import Notice
from schemes.models import SupportType
from tests.alerts.factories import make_alert
from tests.browser.crawl import ExtraPage
from tests.events.factories import make_event
from tests.paths import BASE_DIR
from tests.portal.factories import make_organisation
from tests.schemes.factories import add_contact, add_section, make_scheme

# A query that matches content built below and one that matches nothing.
FINDER_QUERY = "guarantee"
FINDER_QUERY_WITHOUT_RESULTS = "zzqxj"


def _build_site_pages() -> list[ExtraPage]:
    """Pages that exist without content: the 404 page, the 400 page for unreadable input and the
    finder's two outcomes."""
    return [
        ExtraPage("no-such-page/", status=404),
        ExtraPage("schemes/?q=abc%00def", status=400),
        ExtraPage(f"schemes/?q={FINDER_QUERY}"),
        ExtraPage(f"schemes/?q={FINDER_QUERY_WITHOUT_RESULTS}"),
    ]


def _build_organisations() -> list[ExtraPage]:
    """An organisation with every field filled, English-only description to test fallback."""
    organisation = make_organisation(
        slug="trade-and-industry-department",
        name_en="Trade and Industry Department",
        name_zh_hant="工業貿易署",
        short_name_en="TID",
        short_name_zh_hant="工貿署",
        website="https://www.tid.gov.hk/",
        description_en="<p>The department helps small and medium enterprises grow.</p>",
        address_en="Trade and Industry Department Tower, 3 Concorde Road, Kowloon City",
        address_zh_hant="九龍城協調道3號工業貿易大樓",
        phone="2398 5133",
        fax="2737 2377",
        email="enquiry@tid.gov.hk",
    )
    # No link reaches it until the scheme and event pages link to their organisations.
    return [ExtraPage(f"organisations/{organisation.slug}/")]


def _build_seed_content() -> list[ExtraPage]:
    """The real content: four seed schemes with their tables, HKSMEGA's history, every notice.

    The crawl is one of the few tests that load the seed: its long texts and tables are what
    most needs checking.
    """
    call_command("loaddata", *sorted(map(str, (BASE_DIR / "fixtures").glob("*.json"))), verbosity=0)
    call_command("search_reindex", verbosity=0)
    # One notice reviewed, so the crawl checks its "Last reviewed" line (portal.reviewdates).
    Notice.objects.filter(slug="privacy-policy").update(last_reviewed=datetime.date(2026, 11, 30))
    return []


def _build_schemes() -> list[ExtraPage]:
    """A scheme of every status the finder shows, relative to today in Hong Kong."""
    today = timezone.localdate()
    days = datetime.timedelta
    organisation = make_organisation(
        slug="crawl-body", name_en="Crawl body", name_zh_hant="測試機構"
    )
    open_scheme = make_scheme(
        slug="open-grant",
        organisation=organisation,
        name_en="Open Guarantee Grant",
        name_zh_hant="開放擔保資助",
        opens_on=today - days(30),
        closes_on=today + days(90),
        max_funding_hkd=1_000_000,
    )
    add_section(open_scheme, anchor="eligibility", order=1)
    add_contact(open_scheme, "phone", "2398 5133")
    add_contact(open_scheme, "email", "enquiry@example.gov.hk")
    make_scheme(slug="closing-soon", organisation=organisation, closes_on=today + days(10))
    make_scheme(slug="closed-loan", organisation=organisation, closes_on=today - days(10),
                support_type=SupportType.GRANT)  # fmt: skip
    make_scheme(slug="not-yet-open", organisation=organisation, opens_on=today + days(30))
    make_scheme(slug="rolling", organisation=organisation, name_en="Rolling Guarantee")
    return []


def _build_events() -> list[ExtraPage]:
    """Upcoming, cancelled and past events, a month with events and an empty month."""
    now = timezone.now()
    days = datetime.timedelta
    organiser = make_organisation(
        slug="crawl-organiser", name_en="Organiser", name_zh_hant="主辦機構"
    )
    upcoming = make_event(
        slug="financing-seminar",
        title_en="Financing seminar",
        title_zh_hant="融資研討會",
        starts_at=now + days(20),
        ends_at=now + days(20, hours=2),
        organisers=[organiser],
        registration_url="https://example.gov.hk/register",
        registration_deadline=now + days(15),
    )
    make_event(
        slug="cancelled-workshop",
        title_en="Cancelled workshop",
        title_zh_hant="已取消的工作坊",
        starts_at=now + days(40),
        event_status=Event.EventStatus.CANCELLED,
        status_note_en="Cancelled because of the weather.",
        status_note_zh_hant="因天氣惡劣取消。",
        organisers=[organiser],
    )
    make_event(
        slug="past-expo", title_en="Past expo", title_zh_hant="過往博覽", starts_at=now - days(40)
    )
    month = timezone.localtime(upcoming.starts_at)
    empty_year = month.year + 3
    return [
        ExtraPage(f"events/{month.year}/{month.month:02d}/"),
        ExtraPage(f"events/{empty_year}/02/"),
        ExtraPage("events/?category=nonsense", status=400),
    ]


def _build_eligibility_pages() -> list[ExtraPage]:
    """The eligibility check's results (two needs) and errors, and the comparison, over the
    seed's rules, also as reached from the check with its answers."""
    answers = (
        "registered=yes&sector=non-manufacturing&employees=20&listed=no&lender=no"
        "&lender-associate=no&operating-year=yes&travel-agent=yes"
        "&need=working-capital&need=export-marketing"
    )
    compared = (
        "s=sme-loan-guarantee-scheme&s=sme-financing-guarantee-scheme"
        "&s=small-mic-groups-funding-2019-20"
    )
    return [
        ExtraPage(f"schemes/check/?{answers}"),
        ExtraPage("schemes/check/?employees=-3&listed=maybe", status=400),
        ExtraPage(f"schemes/compare/?{compared}"),
        ExtraPage(f"schemes/compare/?{compared}&check={quote(answers)}"),  # from the check
        ExtraPage("schemes/compare/"),
        ExtraPage("schemes/compare/?s=sme-loan-guarantee-scheme&s=no-such-scheme", status=400),
    ]


def _build_alerts() -> list[ExtraPage]:
    """The alert pages no public link reaches: they come from the links in e-mails."""
    confirmed = make_alert(email="crawl@example.com", filters={"type": ["grant"]})
    unconfirmed = make_alert(email="crawl@example.com", kind="events", confirmed=False)
    token = manage_token(confirmed.subscriber)
    return [
        ExtraPage("alerts/subscribe/?kind=schemes&type=grant&q=export"),
        ExtraPage("alerts/subscribe/?kind=events"),
        ExtraPage("alerts/check-your-email/"),
        ExtraPage(f"alerts/confirm/{confirm_token(unconfirmed)}/"),
        ExtraPage("alerts/confirm/expired/", status=400),
        ExtraPage(f"alerts/manage/{token}/"),
        ExtraPage(f"alerts/unsubscribe/{token}/"),
    ]


def crawl_data_build() -> list[ExtraPage]:
    """Create the crawl's content and return the pages it must visit besides linked ones."""
    return [
        *_build_site_pages(),
        *_build_seed_content(),
        *_build_organisations(),
        *_build_schemes(),
        *_build_events(),
        *_build_eligibility_pages(),
        *_build_assistant(),
        *_build_alerts(),
    ]


def _build_assistant() -> list[ExtraPage]:
    """Site search and the assistant: results, nothing found, refused, bad input, JSON."""
    from tests.assistant.factories import make_answer

    answer = make_answer(question_en="How do I apply?", links="schemes/")
    return [
        ExtraPage("search/"),
        ExtraPage(f"search/?q={FINDER_QUERY}"),
        ExtraPage(f"search/?q={FINDER_QUERY_WITHOUT_RESULTS}"),
        ExtraPage(f"assistant/?q={FINDER_QUERY}"),
        ExtraPage(f"assistant/?q={FINDER_QUERY_WITHOUT_RESULTS}"),
        ExtraPage("assistant/?q=A123456%283%29"),  # refused: redirects to ?refused=1
        ExtraPage("assistant/?q=", status=400),
        ExtraPage("assistant/answer.json", status=400),
        ExtraPage("assistant/feedback/"),
        ExtraPage(f"assistant/answers/{answer.pk}/"),
    ]
