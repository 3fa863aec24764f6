from modeltranslation.translator import TranslationOptions, register

from .models import Scheme, SchemeSection


@register(Scheme)
class SchemeTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "website", "organisation_note", "max_funding_note")
    required_languages = {"en": ("name", "summary"), "zh-hant": ("name", "summary")}


@register(SchemeSection)
class SchemeSectionTranslationOptions(TranslationOptions):
    fields = ("heading", "body")
    required_languages = ("en", "zh-hant")
