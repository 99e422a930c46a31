"""Translated vocabularies: categories, the 12 regions of Morocco, labels, certificates, units…

Each vocabulary is one file in ``data/taxonomy/`` mapping an id to its label in every language.
Records refer to terms by id; pages show the label in the page's language.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from miftah.languages import CODES

_FOLDER = Path(__file__).parent / "data" / "taxonomy"
VOCABULARIES = tuple(sorted(path.stem for path in _FOLDER.glob("*.yml")))


@dataclass(frozen=True)
class Term:
    vocabulary: str
    id: str
    labels: dict[str, str]  # language code -> label

    def label(self, lang: str) -> str:
        return self.labels[lang]


@functools.cache
def vocabulary(name: str) -> dict[str, Term]:
    """Every term of one vocabulary, in file order, by id."""
    with open(_FOLDER / f"{name}.yml", encoding="utf-8") as handle:
        raw: dict[str, dict[str, str]] = yaml.safe_load(handle)
    terms = {}
    for term_id, labels in raw.items():
        missing = [code for code in CODES if not labels.get(code)]
        if missing:
            raise ValueError(f"{name}.yml: term {term_id!r} lacks a label in {missing}")
        terms[term_id] = Term(name, term_id, {code: labels[code] for code in CODES})
    return terms


def term(name: str, term_id: str) -> Term:
    return vocabulary(name)[term_id]
