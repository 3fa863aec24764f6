"""What the open data API exposes of organisations, which are portal's own content: the bodies
that administer schemes and organise events (filter schemes and events by their slugs)."""

import datetime

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router

from portal.i18n.data import PREFIXES, localised_rich_text, localised_text, localised_url
from portal.models import Organisation
from portal.pagecache.memo import content_memo

from .lists import list_page, one_record
from .registry import ApiResource, register_resource
from .schemas import (
    Data,
    DetailParameters,
    ListParameters,
    LocalisedText,
    RichText,
    page_of,
    slug_in_path,
)

router = Router()


class OrganisationOut(Data):
    """An administering body or organiser."""

    slug: str = Field(
        description=gettext_noop("Its address, the same in every language"), examples=["tid"]
    )
    name: LocalisedText = Field(description=gettext_noop("Name"))
    short_name: LocalisedText = Field(description=gettext_noop("Abbreviation"))
    description: RichText = Field(description=gettext_noop("Description"))
    website: LocalisedText = Field(description=gettext_noop("Website"))
    address: LocalisedText = Field(description=gettext_noop("Address"))
    phone: str | None = Field(description=gettext_noop("Telephone"))
    fax: str | None = Field(description=gettext_noop("Fax"))
    email: str | None = Field(description=gettext_noop("E-mail"))
    url: LocalisedText = Field(description=gettext_noop("The organisation's page in each language"))
    updated_at: datetime.datetime = Field(description=gettext_noop("Last changed on the site"))


OrganisationPage = page_of(OrganisationOut, "OrganisationPage")


def organisation_record(organisation: Organisation, prefixes) -> dict:
    return {
        "slug": organisation.slug,
        **{
            field: localised_text(organisation, field, prefixes)
            for field in ("name", "short_name", "website", "address")
        },
        "description": localised_rich_text(organisation, "description", prefixes),
        "phone": organisation.phone or None,
        "fax": organisation.fax or None,
        "email": organisation.email or None,
        "url": localised_url(organisation.get_absolute_url(), prefixes),
        "updated_at": organisation.updated_at,
    }


@content_memo(max_entries=32)  # pages of records: a few kept
def organisation_records(pks: tuple[int, ...], prefixes: tuple[str, ...]) -> list[dict]:
    found = Organisation.objects.published().in_bulk(pks)
    return [organisation_record(found[pk], prefixes) for pk in pks if pk in found]


@content_memo
def organisation_pks() -> list[int]:
    return list(Organisation.objects.published().values_list("pk", flat=True))


def _changed(since, now):
    return (
        Organisation.objects.published(now)
        .changed_since(since, now=now)
        .values_list("pk", flat=True)
    )


@router.get("", response=OrganisationPage, exclude_unset=True, summary="Organisations")
def organisation_list(request, parameters: Query[ListParameters]):
    """Administering bodies and organisers, by English name."""
    return list_page(
        request,
        parameters,
        pks=organisation_pks(),
        changed=_changed,
        model=Organisation,
        records=organisation_records,
    )


@router.get("{slug}/", response=OrganisationOut, exclude_unset=True, summary="One organisation")
def organisation_detail(
    request, slug: str = slug_in_path("tid"), *, parameters: Query[DetailParameters]
):
    found = Organisation.objects.published().filter(slug=slug).values_list("pk", flat=True)
    return one_record(organisation_records, found, parameters.prefixes)


def register_organisations() -> None:
    register_resource(
        ApiResource(
            name="organisations",
            router=router,
            item_schema=OrganisationOut,
            all_records=lambda: organisation_records(tuple(organisation_pks()), PREFIXES),
            title=_("Organisations"),
            order=4,
        )
    )
