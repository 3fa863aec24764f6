"""The three languages of the site, as plain data with no Django imports.

Only English and Traditional Chinese are stored; Simplified Chinese pages are the Traditional
pages converted by OpenCC at render time.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # Django's language code
    prefix: str  # URL prefix, the Hong Kong government convention
    html_lang: str  # BCP 47 tag for `lang` and `hreflang`
    name: str  # the language's name in itself, for the switcher
    stored: bool  # whether content columns exist for it


ENGLISH = Language("en", "en", "en", "English", stored=True)
TRADITIONAL = Language("zh-hant", "tc", "zh-Hant-HK", "繁體中文", stored=True)
SIMPLIFIED = Language("zh-hans", "sc", "zh-Hans", "简体中文", stored=False)

ALL = (ENGLISH, TRADITIONAL, SIMPLIFIED)
DEFAULT = ENGLISH

BY_CODE = {language.code: language for language in ALL}
BY_PREFIX = {language.prefix: language for language in ALL}

# For settings.LANGUAGES and settings.MODELTRANSLATION_LANGUAGES.
DJANGO_LANGUAGES = [(language.code, language.name) for language in ALL]
STORED_CODES = tuple(language.code for language in ALL if language.stored)


def by_code(code: str | None) -> Language:
    """The Language for a Django code; the default for anything unknown."""
    return BY_CODE.get((code or "").lower(), DEFAULT)


def rendered_as(language: Language) -> Language:
    """The language a page is rendered in: Simplified pages are the Traditional ones, converted."""
    return language if language.stored else TRADITIONAL
