"""An XSS corpus through every text field and an override, checked wherever it is shown:
pages in en/tc/sc, JSON-LD, Atom feeds and .ics files. However the text was stored."""

import json
import re
import xml.etree.ElementTree as ET  # noqa: S405 (our own feeds, parsed in a test)

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.db import models

from events.models import Event
from notices.models import Notice
from portal.i18n.simplified import local_pages
from portal.models import ConversionOverride, Organisation
from schemes.models import Scheme, SchemeContact, SchemeSection
from tests.events.factories import make_event
from tests.notices.factories import make_notice
from tests.portal.factories import make_organisation
from tests.schemes.factories import add_contact, add_section, make_scheme

pytestmark = pytest.mark.django_db

CORPUS = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "'><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    " \tJaVaScRiPt:alert(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "</script><script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    "\u202e<svg/onload=alert(1)>",
    "＜script＞alert(1)＜/script＞",
    "<iframe src=javascript:alert(1)></iframe>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    '<style>*{display:none}</style>" style="color:red',
    "{{ 7|add:7 }}{% debug %}<math><mi xlink:href=javascript:alert(1)>",
]
DANGEROUS_TAGS = {"svg", "iframe", "object", "embed", "math", "base", "style", "frame"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset"}
ATOM = "{http://www.w3.org/2005/Atom}"
ICS_PROPERTIES = {
    "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "URL",
    "STATUS", "CATEGORIES", "ORGANIZER", "LAST-MODIFIED", "CREATED", "SEQUENCE", "TRANSP",
    "CLASS",
}  # fmt: skip
SKIPPED_FIELDS = {"slug", "anchor", "search_en", "search_zh"}


def hostile(model, payload: str) -> dict[str, str]:
    """Every stored text column of `model` (each language's, for translated fields) holding
    the payload, the Traditional ones with a term an override rewrites, cut to length."""
    names = {field.name for field in model._meta.concrete_fields}
    values = {}
    for field in model._meta.concrete_fields:
        if (
            not isinstance(field, models.CharField | models.TextField)
            or field.choices
            or field.name in SKIPPED_FIELDS
            or f"{field.name}_en" in names  # the untranslated name of a translated field
        ):
            continue
        value = f"計劃{payload}" if field.name.endswith("zh_hant") else payload
        values[field.attname] = value[: field.max_length] if field.max_length else value
    return values


def safe_url(value: str) -> bool:
    squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
    return not squeezed.startswith(DANGEROUS_SCHEMES)


def check_html(url: str, body: str):
    soup = BeautifulSoup(body, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name not in DANGEROUS_TAGS, (url, str(tag)[:120])
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), (url, str(tag)[:120])
            assert name.lower() != "style", (url, str(tag)[:120])
            if name.lower() in URL_ATTRIBUTES:
                assert safe_url(str(value)), (url, str(tag)[:120])
        if tag.name == "script":
            assert tag.get("src") or tag.get("type") == "application/ld+json", (url, str(tag))
            if tag.get("type") == "application/ld+json":
                json.loads(tag.string)
    assert body.lower().count("</script") == len(soup.find_all("script")), url


def check_feed(url: str, body: bytes):
    root = ET.fromstring(body)  # noqa: S314
    for element in root.iter():
        assert element.tag.startswith(ATOM), (url, element.tag)
        assert element.tag != f"{ATOM}content", url
        if element.tag == f"{ATOM}summary":
            assert element.get("type") == "text", url


def check_ics(url: str, body: bytes):
    calendar = icalendar.Calendar.from_ical(body)
    for event in calendar.walk("VEVENT"):
        unexpected = set(event) - ICS_PROPERTIES
        assert not unexpected, (url, unexpected)
        for name in ("URL",):
            if name in event:
                assert safe_url(str(event[name])), url


@pytest.fixture(autouse=True)
def fresh_conversions():
    local_pages.clear()
    yield
    local_pages.clear()


@pytest.mark.parametrize("payload", CORPUS)
def test_corpus_never_becomes_markup(client, payload):
    ConversionOverride.objects.create(traditional="計劃", simplified=payload[:50])
    organisation = make_organisation(slug="org", **hostile(Organisation, payload))
    scheme = make_scheme(slug="fund", organisation=organisation, **hostile(Scheme, payload))
    add_section(scheme, anchor="about", **hostile(SchemeSection, payload))
    for kind in SchemeContact.Kind.values:
        add_contact(scheme, kind, payload[:254])
    event = make_event(slug="talk", organisers=[organisation], **hostile(Event, payload))
    make_notice(slug="note", **hostile(Notice, payload))
    # The detail pages show every field; the lists and the month show the same fields again.
    pages = [
        "schemes/fund/", "events/talk/", "notices/note/", "organisations/org/",
        "schemes/" if len(payload) % 2 else f"events/{event.starts_at:%Y/%m}/",
    ]  # fmt: skip
    for prefix in ("en", "tc", "sc"):
        for page in pages:
            url = f"/{prefix}/{page}"
            response = client.get(url)
            assert response.status_code == 200, url
            check_html(url, response.content.decode())
        for feed in ("schemes/feed/", "events/feed.atom"):
            url = f"/{prefix}/{feed}"
            check_feed(url, client.get(url).content)
        for ics in ("events/talk/calendar.ics",):
            url = f"/{prefix}/{ics}"
            check_ics(url, client.get(url).content)
