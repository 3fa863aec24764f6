from modeltranslation.translator import TranslationOptions, register

from portal.models import Organisation


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "short_name", "website", "description", "address")
    required_languages = ("en", "zh-hant")
