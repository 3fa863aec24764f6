from django import template
from django.utils.html import format_html

from portal.i18n.content import fallback_language

register = template.Library()


@register.simple_tag
def lang_attr(instance, field_name):
    """` lang="en"` when a field shows fallback text in another language, else nothing.

    Usage: <p{% lang_attr scheme "summary" %}>{{ scheme.summary }}</p>
    """
    language = fallback_language(instance, field_name)
    return format_html(' lang="{}"', language.html_lang) if language else ""
