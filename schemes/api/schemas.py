"""The shapes of the schemes' part of the open data API: the finder's filters as parameters, and
a scheme's facts as data."""

import datetime
from typing import Literal

from django.utils.translation import gettext_noop
from ninja import Field

from portal.api.schemas import (
    KEYWORD,
    Choice,
    Data,
    DetailParameters,
    Keyword,
    ListParameters,
    LocalisedText,
    Reference,
    RichText,
    Slug,
    page_of,
)

from ..models import Applicant, SupportType
from ..selectors import SchemeSort
from ..status import SchemeStatus


class SchemeFilterParameters(DetailParameters):
    """The finder's filters, and the language its keyword is read in."""

    q: Keyword = KEYWORD
    type: list[SupportType] = Field([], description=gettext_noop("Types of support (any of them)"))
    organisation: list[Slug] = Field(
        [], description=gettext_noop("Slugs of administering organisations (any of them)")
    )
    applicant: list[Applicant] = Field([], description=gettext_noop("Who can apply (any of them)"))
    status: list[SchemeStatus] = Field(
        [],
        description=gettext_noop(
            "Statuses today in Hong Kong (any of them); every status when absent"
        ),
    )
    new: Literal["7", "30", "90"] | None = Field(
        None,
        description=gettext_noop("Only schemes on the site for at most this many days"),
    )
    sort: Literal[
        SchemeSort.NAME,
        SchemeSort.RELEVANCE,
        SchemeSort.CLOSING,
        SchemeSort.FUNDING,
        SchemeSort.NEWEST,
    ] = Field(
        SchemeSort.NAME,
        description=gettext_noop(
            "name; relevance (the finder's best match first for the keyword q, else by name); "
            "closing (soonest first, then those without a closing date, then closed ones); "
            "funding (highest first); newest (the latest on the site first). The name is the "
            "English one, or the Chinese one with lang=tc|sc."
        ),
    )


class SchemeListParameters(ListParameters, SchemeFilterParameters):
    pass


class MaximumFunding(Data):
    amount: int = Field(
        description=gettext_noop("The most a scheme gives or guarantees"), examples=[1000000]
    )
    currency: Literal["HKD"] = Field("HKD", description=gettext_noop("ISO 4217 currency code"))
    note: LocalisedText = Field(description=gettext_noop("What the amount is, e.g. per enterprise"))


class Contact(Data):
    kind: Literal["phone", "fax", "email"] = Field(
        description=gettext_noop("Telephone, fax or e-mail")
    )
    value: str = Field(description=gettext_noop("The number or address"), examples=["2398 5129"])


class Section(Data):
    anchor: str = Field(description=gettext_noop("The section's #fragment on the page"))
    heading: LocalisedText = Field(description=gettext_noop("Heading"))
    body: RichText = Field(description=gettext_noop("Text"))


class Answer(Data):
    value: str = Field(
        description=gettext_noop("The answer's code in the eligibility check's address")
    )
    label: LocalisedText = Field(description=gettext_noop("The answer"))


class EligibilityRuleOut(Data):
    question: str | None = Field(
        description=gettext_noop(
            "The eligibility check's question key; null for a condition it cannot ask"
        )
    )
    question_text: LocalisedText | None = Field(
        description=gettext_noop("The question as the check asks it")
    )
    meets: list[Answer] = Field(description=gettext_noop("Answers that meet the rule"))
    fails: list[Answer] = Field(
        description=gettext_noop("Answers that fail it; any other: ask the body")
    )
    source_text: LocalisedText = Field(
        description=gettext_noop("The scheme's own sentence, word for word")
    )
    section: str | None = Field(
        description=gettext_noop("Anchor of the section the sentence is from")
    )


class SchemeOut(Data):
    """A funding scheme, with what its page says."""

    slug: str = Field(
        description=gettext_noop("Its address, the same in every language"), examples=["sgs"]
    )
    abbreviation: str | None = Field(description=gettext_noop("Short name"), examples=["SGS"])
    name: LocalisedText = Field(description=gettext_noop("Name"))
    summary: LocalisedText = Field(description=gettext_noop("Summary"))
    status: Choice = Field(description=gettext_noop("Where applications stand today in Hong Kong"))
    opens_on: datetime.date | None = Field(description=gettext_noop("First day of applications"))
    closes_on: datetime.date | None = Field(description=gettext_noop("Last day of applications"))
    max_funding: MaximumFunding | None = Field(
        description=gettext_noop("Maximum funding; null if not stated")
    )
    funding_share: LocalisedText = Field(
        description=gettext_noop("Guarantee ratio or funding share")
    )
    fees: LocalisedText = Field(description=gettext_noop("What the applicant pays"))
    how_to_apply: LocalisedText = Field(description=gettext_noop("How to apply"))
    support_type: Choice = Field(description=gettext_noop("Type of support"))
    applicant: Choice = Field(description=gettext_noop("Who can apply"))
    organisation: Reference = Field(description=gettext_noop("The administering organisation"))
    organisation_note: LocalisedText = Field(
        description=gettext_noop("Note on the administering body")
    )
    website: LocalisedText = Field(description=gettext_noop("The scheme's official website"))
    contacts: list[Contact] = Field(description=gettext_noop("Enquiry telephone, fax and e-mail"))
    sections: list[Section] = Field(description=gettext_noop("The page's sections, in order"))
    eligibility_rules: list[EligibilityRuleOut] = Field(
        description=gettext_noop("The rules the site's eligibility check applies")
    )
    url: LocalisedText = Field(description=gettext_noop("The scheme's page in each language"))
    information_as_at: datetime.date = Field(description=gettext_noop("Information as at"))
    last_reviewed: datetime.date | None = Field(
        description=gettext_noop(
            "When TID last checked the scheme's facts; null until a publisher marks it reviewed"
        )
    )
    updated_at: datetime.datetime = Field(description=gettext_noop("Last changed on the site"))


SchemePage = page_of(SchemeOut, "SchemePage")
