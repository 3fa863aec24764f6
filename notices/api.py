"""What the open data API exposes of notices: the Important Notices and the statements."""

import datetime

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router

from portal.api import ApiResource, register_resource
from portal.api.lists import list_page, one_record
from portal.api.schemas import (
    Data,
    DetailParameters,
    ListParameters,
    LocalisedText,
    RichText,
    page_of,
    slug_in_path,
)
from portal.i18n.data import PREFIXES, localised_rich_text, localised_text, localised_url
from portal.pagecache.memo import content_memo

from .models import Notice
from .selectors import notice_list_public

router = Router()


class NoticeOut(Data):
    """One of TID's statements: the Important Notices (the terms of use), privacy, security…"""

    slug: str = Field(description=gettext_noop("Its address, the same in every language"))
    title: LocalisedText = Field(description=gettext_noop("Title"))
    body: RichText = Field(description=gettext_noop("Text"))
    link_url: LocalisedText = Field(
        description=gettext_noop("A web page the text refers readers to")
    )
    enquiry_phone: str | None = Field(description=gettext_noop("Enquiry telephone number"))
    enquiry_email: str | None = Field(description=gettext_noop("Enquiry e-mail address"))
    closing_text: RichText = Field(description=gettext_noop("Text after the enquiry details"))
    last_revised: datetime.date = Field(description=gettext_noop("When its text last changed"))
    url: LocalisedText = Field(description=gettext_noop("The notice's page in each language"))
    updated_at: datetime.datetime = Field(description=gettext_noop("Last changed on the site"))


NoticePage = page_of(NoticeOut, "NoticePage")


def notice_record(notice: Notice, prefixes) -> dict:
    return {
        "slug": notice.slug,
        "title": localised_text(notice, "title", prefixes),
        "body": localised_rich_text(notice, "body", prefixes),
        "link_url": localised_text(notice, "link_url", prefixes),
        "enquiry_phone": notice.enquiry_phone or None,
        "enquiry_email": notice.enquiry_email or None,
        "closing_text": localised_rich_text(notice, "closing_text", prefixes),
        "last_revised": notice.last_revised,
        "url": localised_url(notice.get_absolute_url(), prefixes),
        "updated_at": notice.updated_at,
    }


@content_memo(max_entries=32)  # pages of records: a few kept
def notice_records(pks: tuple[int, ...], prefixes: tuple[str, ...]) -> list[dict]:
    found = {notice.pk: notice for notice in notice_list_public()}
    return [notice_record(found[pk], prefixes) for pk in pks if pk in found]


def _changed(since, now):
    return Notice.objects.published(now).changed_since(since, now=now).values_list("pk", flat=True)


@router.get("", response=NoticePage, exclude_unset=True, summary="Notices")
def notice_list(request, parameters: Query[ListParameters]):
    """The Important Notices and every statement, in the order the site lists them."""
    return list_page(
        request,
        parameters,
        pks=[notice.pk for notice in notice_list_public()],
        changed=_changed,
        model=Notice,
        records=notice_records,
    )


@router.get("{slug}/", response=NoticeOut, exclude_unset=True, summary="One notice")
def notice_detail(
    request, slug: str = slug_in_path("privacy-policy"), *, parameters: Query[DetailParameters]
):
    found = [notice.pk for notice in notice_list_public() if notice.slug == slug]
    return one_record(notice_records, found, parameters.prefixes)


register_resource(
    ApiResource(
        name="notices",
        router=router,
        item_schema=NoticeOut,
        all_records=lambda: notice_records(
            tuple(notice.pk for notice in notice_list_public()), PREFIXES
        ),
        title=_("Notices"),
        order=3,
    )
)
