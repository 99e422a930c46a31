"""A text in several languages as a record holds it, and how a page shows it in one of them."""

from __future__ import annotations

from dataclasses import dataclass

from miftah.languages import CODES, OWN_SCRIPTS, language

SCRIPTS = tuple(OWN_SCRIPTS)  # a name as the cooperative writes it: Arabic, Tifinagh


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
    def of(cls, texts: dict[str, str] | None) -> Translations:
        texts = texts or {}
        return cls(tuple((code, texts[code]) for code in CODES + SCRIPTS if code in texts))

    def __bool__(self) -> bool:
        return bool(self.texts)

    def own(self) -> tuple[tuple[str, str], ...]:
        """The name as the cooperative writes it in Arabic or Tifinagh: (script code, text)."""
        return tuple((code, text) for code, text in self.texts if code in SCRIPTS)

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
        raise LookupError("show() is only called on texts that exist in at least one language")


NO_TEXT = Translations(())  # an optional text the record leaves out
