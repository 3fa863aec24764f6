"""Show changes compares every field of the item and of its sections, contacts and rules."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from portal.roles import PUBLISHER
from staff.services import staff_language_set
from tests.portal.admin_forms import form_data
from tests.portal.factories import make_staff, sign_in
from tests.schemes.factories import add_contact, add_rule, add_section, make_question, make_scheme

pytestmark = pytest.mark.django_db


def publisher(language="en"):
    user = make_staff(role=PUBLISHER)
    staff_language_set(user=user, language=language)
    client = Client()
    sign_in(client, user)
    return client


def save(client, scheme, **changes):
    url = reverse("admin:schemes_scheme_change", args=[scheme.pk])
    response = client.post(url, {**form_data(client.get(url)), **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors


def latest_changes(client, scheme):
    version = Version.objects.get_for_object(scheme).first()
    url = reverse("admin:schemes_scheme_version_changes", args=[scheme.pk, version.pk])
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return {
        table.caption.get_text(" ", strip=True): {
            row.th.get_text(strip=True): row for row in table.tbody.find_all("tr")
        }
        for table in soup.find_all("table", class_="version-diff")
    }


@pytest.fixture
def scheme():
    scheme = make_scheme(name_en="SME Loan Guarantee")
    add_section(
        scheme,
        anchor="objective",
        heading_en="Objective",
        body_en="<p>To help <strong>SMEs</strong> get loans.</p>",
        body_zh_hant="<p>協助中小企取得貸款。</p>",
    )
    add_contact(scheme, "phone", "2398 5129")
    add_rule(scheme, make_question("listed", "yes", "no"), passing=("no",), text="Not listed.")
    return scheme


def test_show_changes_lists_changed_added_and_removed_parts_in_both_languages(scheme):
    client = publisher()
    save(client, scheme)  # the first version, to compare with
    save(
        client,
        scheme,
        **{
            "sections-0-body_en": "<p>To help <strong>small</strong> SMEs get bank loans.</p>",
            "sections-0-body_zh_hant": "<p>協助小型中小企取得貸款。</p>",
            "contacts-TOTAL_FORMS": "2",
            "contacts-1-order": "1",
            "contacts-1-kind": "email",
            "contacts-1-value": "sgs@tid.gov.hk",
            "eligibility_rules-0-DELETE": "on",
        },
    )
    tables = latest_changes(client, scheme)
    section = tables["Section “Objective”: changed"]
    assert set(section) == {"Body (English)", "Body (Traditional Chinese)"}
    english = section["Body (English)"]
    added = [" ".join(ins.get_text().split()) for ins in english.find_all("ins")]
    assert added == ["added: small", "added: bank"]
    assert "<strong>" not in english.decode_contents()  # the words a reader sees, no markup
    chinese = section["Body (Traditional Chinese)"]
    assert [ins.get_text() for ins in chinese.find_all("ins")] == ["added: 小型"]
    contact = tables["Enquiry contact “E-mail: sgs@tid.gov.hk”: added"]
    assert contact["Kind"].find_all("td")[1].ins.get_text() == "added: E-mail"
    rule = tables["Eligibility rule “Not listed.”: removed"]
    assert rule["Answers that meet it"].find_all("td")[0].get_text() == "removed: listed: No"
    assert "Fields changed in this version" not in tables  # the scheme's own fields did not


def test_show_changes_speaks_the_admin_language(scheme):
    client = publisher("zh-hant")
    save(client, scheme)
    save(client, scheme, max_funding_hkd="250000", **{"sections-0-heading_zh_hant": "目的"})
    tables = latest_changes(client, scheme)
    assert "最高資助額（港元）" in tables["此版本修改的欄位"]
    [section_caption] = [caption for caption in tables if caption.startswith("部分")]
    assert "標題（繁體中文）" in tables[section_caption]
