"""Typed, immutable records: what the rest of the package reads once validation has passed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from miftah.languages import CODES, language


@dataclass(frozen=True)
class Shown:
    """A text as a page shows it: the words, their language, and whether they were borrowed."""

    text: str
    lang: str
    is_fallback: bool


@dataclass(frozen=True)
class Translations:
    texts: tuple[tuple[str, str], ...]  # (language code, text), in the order of CODES

    @classmethod
    def of(cls, texts: dict[str, str]) -> Translations:
        return cls(tuple((code, texts[code]) for code in CODES if code in texts))

    def get(self, lang: str) -> str | None:
        return dict(self.texts).get(lang)

    def show(self, lang: str) -> Shown:
        """The text in ``lang``, or else the first fallback language that has it."""
        available = dict(self.texts)
        if lang in available:
            return Shown(available[lang], lang, is_fallback=False)
        for other in language(lang).fallbacks:
            if other in available:
                return Shown(available[other], other, is_fallback=True)
        raise LookupError("a validated text always exists in at least one language")


@dataclass(frozen=True)
class Photo:
    source: Path  # absolute path of the original file
    alt: Translations


@dataclass(frozen=True)
class Contact:
    email: str | None
    phone: str | None
    wechat: str | None


@dataclass(frozen=True)
class Cooperative:
    slug: str
    folder: Path
    name: Translations
    region: str
    story: Translations
    contact: Contact
    sample: bool


@dataclass(frozen=True)
class Product:
    slug: str
    folder: Path
    cooperative: str
    category: str
    featured: bool
    name: Translations
    summary: Translations
    description: Translations
    photos: tuple[Photo, ...]


@dataclass(frozen=True)
class Catalog:
    cooperatives: dict[str, Cooperative]
    products: dict[str, Product]

    def cooperative_of(self, product: Product) -> Cooperative:
        return self.cooperatives[product.cooperative]

    def products_of(self, cooperative: Cooperative) -> list[Product]:
        return [p for p in self.products.values() if p.cooperative == cooperative.slug]
