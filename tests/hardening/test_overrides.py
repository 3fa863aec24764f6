"""Finding 1: a conversion override only ever changes text, and changing one is publishing."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from reversion.models import Version

from portal.i18n.conversion import HTML, ICAL, JSON, Converter, convert_html
from portal.i18n.simplified import local_pages
from portal.models import ConversionOverride
from portal.roles import EDITOR, PUBLISHER
from tests.portal.admin_forms import form_data
from tests.portal.factories import make_staff, sign_in
from tests.schemes.factories import make_scheme

pytestmark = pytest.mark.django_db

ATTACK = '"><svg onload=alert(1)>'
ADD_URL = reverse("admin:portal_conversionoverride_add")


@pytest.fixture(autouse=True)
def fresh_conversions():
    local_pages.clear()
    yield
    local_pages.clear()


def test_override_with_markup_is_text_in_the_heading_and_the_description(client):
    scheme = make_scheme(name_zh_hant="出口資助計劃", summary_zh_hant="資助計劃的摘要")
    ConversionOverride.objects.create(traditional="資助計劃", simplified=ATTACK)
    body = client.get(f"/sc/schemes/{scheme.slug}/").content.decode()
    soup = BeautifulSoup(body, "html.parser")
    assert soup.h1.get_text() == f"出口{ATTACK}"
    assert soup.find("svg") is None
    assert "<svg" not in body
    assert soup.find("meta", attrs={"name": "description"})["content"] == f"{ATTACK}的摘要"


def test_override_with_markup_stays_a_string_in_json_ld(client):
    scheme = make_scheme(name_zh_hant="出口資助計劃", summary_zh_hant="資助計劃")
    ConversionOverride.objects.create(traditional="資助計劃", simplified="</script><b>\"'\\")
    body = client.get(f"/sc/schemes/{scheme.slug}/").content.decode()
    soup = BeautifulSoup(body, "html.parser")
    [script] = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["name"] == "出口</script><b>\"'\\"
    assert body.count("</script>") == len(soup.find_all("script"))


def test_override_of_an_entity_cannot_turn_escaped_text_into_tags(client):
    scheme = make_scheme(summary_zh_hant="<b>不是標記</b>")
    ConversionOverride.objects.create(traditional="&lt;", simplified="<")
    ConversionOverride.objects.create(traditional="lt;", simplified="<")
    body = client.get(f"/sc/schemes/{scheme.slug}/").content.decode()
    assert "<b>" not in body
    assert "&lt;b&gt;" in body


def test_control_characters_and_surrogates_in_an_override_are_dropped():
    converter = Converter((("計劃", "计\x00划\u202e\ud800\ue000"),))
    assert convert_html("<p title='計劃'>計劃</p>", converter) == "<p title='计划'>计划</p>"


def test_each_context_escapes_the_replacement():
    converter = Converter((("計劃", "<a&b;c,\\>"),))
    assert converter.convert("計劃", HTML) == "&lt;a&amp;b;c,\\&gt;"
    assert converter.convert("計劃", JSON) == "\\u003Ca\\u0026b;c,\\\\\\u003E"
    assert converter.convert("計劃", ICAL) == "<a&b\\;c\\,\\\\>"


def test_override_in_an_ics_file_cannot_add_a_property(client):
    from tests.events.factories import make_event

    event = make_event(title_zh_hant="研討會")
    ConversionOverride.objects.create(traditional="研討會", simplified="x\r\nURL:javascript:1;,")
    body = client.get(f"/sc/events/{event.slug}/calendar.ics").content.decode()
    assert "\nURL:javascript" not in body
    assert "xURL:javascript:1\\;\\," in body.replace("\r\n ", "")


@pytest.mark.parametrize(
    "term", ["<b>", "a&b", 'say "x"', "it's", "資助\n計劃", "資助\u202e計劃", "資助\x00"]
)
def test_admin_refuses_terms_with_markup_or_that_are_not_text(client, term):
    sign_in(client, make_staff(role=PUBLISHER))
    response = client.post(ADD_URL, {"traditional": "資助計劃", "simplified": term, "note": ""})
    body = response.content.decode()
    if "\x00" in term:  # refused before the form by portal.input, as every form is
        assert response.status_code == 400 and "could not read" in body
    else:
        assert response.status_code == 200
        assert "Use words only" in body
    assert not ConversionOverride.objects.exists()


def test_editors_may_see_but_not_add_or_change_overrides(client):
    override = ConversionOverride.objects.create(traditional="赤鱲角", simplified="赤鱲角")
    sign_in(client, make_staff(role=EDITOR))
    assert client.get(reverse("admin:portal_conversionoverride_changelist")).status_code == 200
    assert client.get(ADD_URL).status_code == 403
    change = reverse("admin:portal_conversionoverride_change", args=[override.pk])
    refused = client.post(change, {"traditional": "赤鱲角", "simplified": "X", "note": ""})
    assert refused.status_code == 403
    override.refresh_from_db()
    assert override.simplified == "赤鱲角"


def test_publisher_adds_an_override_recorded_in_history(client):
    publisher = sign_in(client, make_staff(role=PUBLISHER))
    response = client.post(ADD_URL, {"traditional": "赤鱲角", "simplified": "赤鱲角", "note": ""})
    assert response.status_code == 302
    override = ConversionOverride.objects.get()
    assert override.updated_by == publisher
    [version] = Version.objects.get_for_object(override)
    assert version.revision.user == publisher


def test_stale_override_save_is_refused_with_the_text_kept(client):
    from django.test import Client

    override = ConversionOverride.objects.create(traditional="赤鱲角", simplified="赤鱲角")
    change = reverse("admin:portal_conversionoverride_change", args=[override.pk])
    sign_in(client, make_staff(role=PUBLISHER, username="first"))
    other = Client()
    sign_in(other, make_staff(role=PUBLISHER, username="second"))
    form_first, form_second = form_data(client.get(change)), form_data(other.get(change))
    assert client.post(change, {**form_first, "simplified": "赤腊角"}).status_code == 302
    refused = other.post(change, {**form_second, "note": "Kept by second"})
    assert refused.status_code == 200
    assert "first saved this item" in refused.content.decode()
    assert "Kept by second" in refused.content.decode()
    override.refresh_from_db()
    assert override.simplified == "赤腊角"
