"""schema.org data about a scheme, for search engines (JSON-LD)."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

from portal.i18n.languages import Language

from .models import Scheme

# As django.utils.html.json_script: nothing in the data can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def scheme_json_ld(*, scheme: Scheme, url: str, language: Language) -> SafeString:
    """A GovernmentService description, safe to place inside <script type="application/ld+json">."""
    organisation = scheme.organisation
    provider = {"@type": "GovernmentOrganization", "name": organisation.name}
    if organisation.website:
        provider["url"] = organisation.website
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "@id": url,
        "url": url,
        "name": scheme.name,
        "description": scheme.summary,
        "serviceType": str(scheme.get_support_type_display()),
        "audience": {"@type": "Audience", "audienceType": str(scheme.get_applicant_display())},
        "provider": provider,
        "serviceOperator": provider,
        "areaServed": {"@type": "AdministrativeArea", "name": "Hong Kong"},
        "inLanguage": language.html_lang,
    }
    if scheme.abbreviation:
        data["alternateName"] = scheme.abbreviation
    if scheme.website:
        data["sameAs"] = scheme.website
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 (escaped above)
