from modeltranslation.translator import TranslationOptions, register

from events.models import Event


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "venue_name", "venue_address", "status_note")
    required_languages = {"en": ("title",), "zh-hant": ("title",)}
