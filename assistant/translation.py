from modeltranslation.translator import TranslationOptions, register

from .models import CuratedAnswer


@register(CuratedAnswer)
class CuratedAnswerTranslationOptions(TranslationOptions):
    fields = ("question", "phrasings", "answer")
    required_languages = {"en": ("question", "answer"), "zh-hant": ("question", "answer")}
