from modeltranslation.translator import TranslationOptions, register

from notices.models import Notice


@register(Notice)
class NoticeTranslationOptions(TranslationOptions):
    fields = ("title", "body", "link_url", "closing_text")
    required_languages = {"en": ("title", "body"), "zh-hant": ("title", "body")}
