"""Never lose an edit: concurrent saves are refused, used items are not deleted."""

import pytest
from django.apps import apps
from django.db import connection, models
from django.urls import reverse

from portal.models import Organisation, Publishable
from portal.roles import PUBLISHER
from tests.portal.admin_forms import form_data
from tests.portal.factories import make_organisation, make_staff, sign_in


def change_url(organisation):
    return reverse("admin:portal_organisation_change", args=[organisation.pk])


@pytest.fixture
def two_publishers(client, django_user_model):
    from django.test import Client

    sign_in(client, make_staff(role=PUBLISHER, username="first"))
    other = Client()
    sign_in(other, make_staff(role=PUBLISHER, username="second"))
    return client, other


@pytest.mark.django_db
def test_second_save_is_refused_with_what_changed(two_publishers):
    first, second = two_publishers
    organisation = make_organisation(name_en="Original")
    # Both open the form; an admin save first, so a version of the opened state exists.
    first.post(change_url(organisation), form_data(first.get(change_url(organisation))))
    form_first = form_data(first.get(change_url(organisation)))
    form_second = form_data(second.get(change_url(organisation)))

    assert (
        first.post(change_url(organisation), {**form_first, "name_en": "By first"}).status_code
        == 302
    )
    response = second.post(
        change_url(organisation), {**form_second, "address_en": "By second, 1 Harbour Road"}
    )

    assert response.status_code == 200
    [message] = response.context["adminform"].form.non_field_errors()
    assert "first saved this item" in message
    assert "They changed: Name (English)." in message
    organisation.refresh_from_db()
    assert organisation.name_en == "By first"
    assert not organisation.address_en
    # What the second person typed is still in the form.
    assert "By second, 1 Harbour Road" in response.content.decode()


@pytest.mark.django_db
def test_saving_again_after_the_warning_replaces_the_other_version(two_publishers):
    first, second = two_publishers
    organisation = make_organisation(name_en="Original")
    form_first = form_data(first.get(change_url(organisation)))
    form_second = form_data(second.get(change_url(organisation)))
    first.post(change_url(organisation), {**form_first, "name_en": "By first"})
    refused = second.post(change_url(organisation), {**form_second, "name_en": "By second"})
    assert refused.status_code == 200

    assert second.post(change_url(organisation), form_data(refused)).status_code == 302
    organisation.refresh_from_db()
    assert organisation.name_en == "By second"


@pytest.fixture
def scheme_using_organisations(transactional_db):
    """A stand-in for a later app's content model with a foreign key to Organisation."""

    class StandInScheme(Publishable):
        title = models.CharField(max_length=50)
        organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)

        class Meta:
            app_label = "portal"

        def __str__(self):
            return self.title

    with connection.schema_editor() as editor:
        editor.create_model(StandInScheme)
    try:
        yield StandInScheme
    finally:
        with connection.schema_editor() as editor:
            editor.delete_model(StandInScheme)
        del apps.all_models["portal"]["standinscheme"]
        apps.clear_cache()


def test_deleting_an_organisation_in_use_is_refused_with_what_uses_it(
    client, scheme_using_organisations
):
    sign_in(client, make_staff(role=PUBLISHER))
    organisation = make_organisation()
    scheme_using_organisations.objects.create(title="SME Loan Guarantee", organisation=organisation)
    url = reverse("admin:portal_organisation_delete", args=[organisation.pk])

    page = client.get(url).content.decode()
    assert "SME Loan Guarantee" in page
    assert "protected related objects" in page
    client.post(url, {"post": "yes"})
    assert Organisation.objects.filter(pk=organisation.pk).exists()
