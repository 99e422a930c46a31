"""The site's languages, defined once: every other module loops over these values."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # the key used in records, strings files and URLs (/zh/…)
    html_lang: str  # BCP 47 tag for <html lang>, hreflang and content-language
    fallbacks: tuple[str, ...]  # where a missing text is borrowed from, in order
    locale: str  # Babel locale for numbers, prices and dates


# A name the cooperative writes only in Arabic reads better on a French or English page than its
# Chinese transliteration: "ar" comes before "zh" there (only names are ever written in "ar").
LANGUAGES: tuple[Language, ...] = (
    Language("zh", "zh-Hans", ("en", "fr"), "zh_Hans_CN"),
    Language("fr", "fr", ("en", "ar", "zh"), "fr_FR"),
    Language("en", "en", ("fr", "ar", "zh"), "en_US"),
)
CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
DEFAULT_CODE = "zh"  # Chinese buyers are the audience: Chinese is the default everywhere
BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}


# Scripts a name may also be written in (not languages of the site): BCP 47 tag and direction.
OWN_SCRIPTS: dict[str, tuple[str, str]] = {"ar": ("ar", "rtl"), "tfng": ("zgh-Tfng", "ltr")}


def html_lang(code: str) -> str:
    """The BCP 47 tag of a site language or of a name's own script."""
    return OWN_SCRIPTS[code][0] if code in OWN_SCRIPTS else BY_CODE[code].html_lang


def direction(code: str) -> str:
    return OWN_SCRIPTS[code][1] if code in OWN_SCRIPTS else "ltr"


def language(code: str) -> Language:
    """The language with that code; raises KeyError for a code the site does not publish."""
    return BY_CODE[code]
