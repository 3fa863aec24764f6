"""The rich-text editor offers only what the sanitizer keeps, and the sanitizer still rules."""

import pytest
from django.urls import reverse
from django_prose_editor.config import allowlist_from_extensions
from django_prose_editor.fields import ProseEditorFormField

from portal.editor import EDITOR_EXTENSIONS
from portal.models import Organisation
from portal.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES
from tests.portal.admin_forms import form_data
from tests.portal.factories import make_organisation, make_staff, sign_in

XSS_PAYLOADS = [
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">link</a>',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">styled</p>',
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://evil.example"></iframe>',
]


def test_editor_markup_is_a_subset_of_what_the_sanitizer_keeps():
    allowed = allowlist_from_extensions(EDITOR_EXTENSIONS)
    assert allowed["tags"] <= ALLOWED_TAGS
    for tag, attributes in allowed["attributes"].items():
        assert set(attributes) <= ALLOWED_ATTRIBUTES.get(tag, set()), tag
    assert set(allowed["url_schemes"]) == ALLOWED_URL_SCHEMES


def test_editor_offers_what_the_public_pages_style():
    allowed = allowlist_from_extensions(EDITOR_EXTENSIONS)
    expected = {"p", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "u", "span"}
    assert expected | {"table", "caption", "th", "td"} <= allowed["tags"]
    assert "lang" in allowed["attributes"]["span"]
    assert "scope" in allowed["attributes"]["th"]


def test_rich_text_fields_get_the_editor_through_formfield():
    field = Organisation._meta.get_field("description_en").formfield()
    assert isinstance(field, ProseEditorFormField)
    assert field.clean('<p onclick="x()">Hi</p><script>x()</script>') == "<p>Hi</p>"


@pytest.mark.django_db
def test_xss_through_the_admin_form_never_reaches_the_public_page(client):
    sign_in(client, make_staff(superuser=True))
    organisation = make_organisation(slug="safe-body")
    url = reverse("admin:portal_organisation_change", args=[organisation.pk])
    payload = "".join(XSS_PAYLOADS) + "<p>Kept text</p>"
    data = {**form_data(client.get(url)), "description_en": payload}
    assert client.post(url, data).status_code == 302

    page = client.get("/en/organisations/safe-body/").content.decode()
    assert "Kept text" in page
    for marker in ("<script>alert", "onerror", "javascript:", "onclick", "<svg", "<iframe"):
        assert marker not in page
