from django import template

from portal.i18n import languages

register = template.Library()


@register.filter
def bcp47(code: str) -> str:
    """A Django language code as a BCP 47 tag ("zh-hant" → "zh-Hant-HK"); others unchanged."""
    language = languages.BY_CODE.get(code)
    return language.html_lang if language else code
