from modeltranslation.translator import TranslationOptions, register

from .models import (
    EligibilityOption,
    EligibilityQuestion,
    EligibilityRule,
    Scheme,
    SchemeSection,
)


@register(Scheme)
class SchemeTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "summary",
        "website",
        "organisation_note",
        "max_funding_note",
        "funding_share",
        "fees",
        "how_to_apply",
    )
    required_languages = {"en": ("name", "summary"), "zh-hant": ("name", "summary")}


@register(SchemeSection)
class SchemeSectionTranslationOptions(TranslationOptions):
    fields = ("heading", "body")
    required_languages = ("en", "zh-hant")


@register(EligibilityQuestion)
class EligibilityQuestionTranslationOptions(TranslationOptions):
    fields = ("text", "hint")
    required_languages = {"en": ("text",), "zh-hant": ("text",)}


@register(EligibilityOption)
class EligibilityOptionTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = ("en", "zh-hant")


@register(EligibilityRule)
class EligibilityRuleTranslationOptions(TranslationOptions):
    fields = ("source_text",)
    required_languages = ("en", "zh-hant")
