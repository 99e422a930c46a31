"""The site's languages, defined once: every other module loops over these values."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # the key used in records, strings files and URLs (/zh/…)
    html_lang: str  # BCP 47 tag for <html lang>, hreflang and content-language
    fallbacks: tuple[str, ...]  # where a missing text is borrowed from, in order
    locale: str  # Babel locale for numbers, prices and dates


LANGUAGES: tuple[Language, ...] = (
    Language("zh", "zh-Hans", ("en", "fr"), "zh_Hans_CN"),
    Language("fr", "fr", ("en", "zh"), "fr_FR"),
    Language("en", "en", ("fr", "zh"), "en_US"),
)
CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
DEFAULT_CODE = "zh"  # Chinese buyers are the audience: Chinese is the default everywhere
BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}


def language(code: str) -> Language:
    """The language with that code; raises KeyError for a code the site does not publish."""
    return BY_CODE[code]
