"""One page of every type, and content that fills them, for the site-wide page tests."""

from tests.events.factories import hong_kong, make_event
from tests.notices.factories import make_notice
from tests.portal.factories import make_organisation
from tests.schemes.factories import add_contact, add_section, make_scheme

PAGES = [
    "",
    "schemes/",
    "schemes/?type=grant&sort=newest",
    "schemes/grant/",
    "schemes/feed/",
    "schemes/compare/",
    "events/",
    "events/2030/03/",
    "events/past/",
    "events/past/?page=last",
    "events/feed.ics",
    "events/feed.atom",
    "events/fair/",
    "notices/",
    "notices/privacy-policy/",
    "organisations/body/",
]


def one_of_each():
    """One item of each kind, all tied to the pages above."""
    body = make_organisation(slug="body")
    scheme = make_scheme(slug="grant", organisation=body)
    event = make_event(slug="fair", starts_at=hong_kong(2030, 3, 1, 10), organisers=[body])
    make_event(starts_at=hong_kong(2020, 3, 1, 10), organisers=[body])
    make_notice(slug="important-notices")
    make_notice(slug="privacy-policy")
    add_section(scheme, anchor="part")
    add_contact(scheme, "phone", "21234567")
    return body, scheme, event


def add_more(count: int, body, scheme, event):
    for number in range(count):
        add_section(scheme, anchor=f"part-{number}", order=number)
        add_contact(scheme, "phone", f"2{number:07}", order=number)
        other = make_organisation()
        event.organisers.add(other)
        make_scheme(organisation=body)
        make_event(starts_at=hong_kong(2030, 3, 2 + number % 27, 10), organisers=[body, other])
        make_event(starts_at=hong_kong(2020, 3, 2 + number % 27, 10), organisers=[body])
        make_notice()
