"""Translated vocabularies: categories, the 12 regions of Morocco, labels, certificates, units…

Each vocabulary is one file in ``data/taxonomy/`` mapping an id to its label in every language.
Records refer to terms by id; pages show the label in the page's language.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import yaml

from miftah import DATA_DIR
from miftah.languages import CODES

_FOLDER = DATA_DIR / "taxonomy"
VOCABULARIES = tuple(sorted(path.stem for path in _FOLDER.glob("*.yml")))


@dataclass(frozen=True)
class Term:
    vocabulary: str
    id: str
    labels: dict[str, str]  # language code -> label
    arabic: str | None = None  # the Arabic name, where one exists (places, labels)
    facts: dict[str, Any] = field(default_factory=dict)  # e.g. region, year, sign, pictogram
    aliases: tuple[str, ...] = ()  # other ways people write it (litre, DH, Morocco)
    review: bool = False  # a Chinese name coined here, to be checked by a native speaker

    def label(self, lang: str) -> str:
        return self.labels[lang]

    def fact(self, name: str) -> Any:
        return self.facts.get(name)


@functools.cache
def vocabulary(name: str) -> dict[str, Term]:
    """Every term of one vocabulary, in file order, by id."""
    with open(_FOLDER / f"{name}.yml", encoding="utf-8") as handle:
        raw: dict[str, dict[str, Any]] = yaml.safe_load(handle)
    terms = {}
    for term_id, entry in raw.items():
        missing = [code for code in CODES if not entry.get(code)]
        if missing:
            raise ValueError(f"{name}.yml: term {term_id!r} lacks a label in {missing}")
        facts = {key: value for key, value in entry.items() if key not in _TERM_KEYS}
        terms[str(term_id)] = Term(
            name,
            str(term_id),
            {code: entry[code] for code in CODES},
            entry.get("ar"),
            facts,
            tuple(str(alias) for alias in entry.get("aliases", ())),
            bool(entry.get("zh_review", False)),
        )
    return terms


_TERM_KEYS = {*CODES, "ar", "aliases", "zh_review"}


def term(name: str, term_id: str) -> Term:
    return vocabulary(name)[term_id]


@functools.cache
def aliases(name: str) -> dict[str, str]:
    """Other spellings of a vocabulary's terms (casefolded) → the id to write instead."""
    found: dict[str, str] = {}
    for term_id, entry in vocabulary(name).items():
        for alias in (*entry.aliases, *entry.labels.values(), entry.arabic or ""):
            if alias:
                found.setdefault(alias.casefold(), term_id)
    return found
