"""The record schema, declared once: conversion of located YAML nodes, and field descriptions.

Each field has a kind that knows how to turn the text a cooperative wrote into a value, and
which problems to report when it cannot. The same declarations are meant to produce the JSON
Schema and the contributors' field reference, so the three cannot disagree.
Conversion collects problems into the ``Where`` it is given and never raises on data.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from miftah.languages import CODES
from miftah.problems import Problem
from miftah.taxonomy import vocabulary
from miftah.yamlnodes import Mapping, Node, Scalar, Sequence

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SAFE_FILE_NAME = re.compile(r"^[a-z0-9]+([._-][a-z0-9]+)*\.[a-z0-9]+$")
PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")


@dataclass
class Where:
    """Where a value sits, and the list its problems go to."""

    path: str  # the record file, as shown to contributors
    folder: Path  # the record's own folder: referenced files must be inside it
    problems: list[Problem]
    field: str = ""

    def at(self, name: str) -> Where:
        joined = f"{self.field}.{name}" if self.field and not name.startswith("[") else self.field + name
        return Where(self.path, self.folder, self.problems, joined)

    def report(self, line: int | None, code: str, level: str = "error", **params: Any) -> None:
        self.problems.append(Problem(self.path, line, self.field, code, params, level))


@dataclass(frozen=True)
class Kind:
    """How one field's value is written and checked. Subclasses override ``convert``."""

    def convert(self, node: Node, where: Where) -> Any:
        raise NotImplementedError

    def scalar(self, node: Node, where: Where) -> Scalar | None:
        if isinstance(node, Scalar):
            return node
        where.report(node.line, "expected_text")
        return None


@dataclass(frozen=True)
class Text(Kind):
    """A plain one-language value: a name as registered, an e-mail address, an id."""

    pattern: str | None = None
    example: str = ""
    max_chars: int = 200

    def convert(self, node: Node, where: Where) -> str | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        value = scalar.text.strip()
        if not value:
            where.report(scalar.line, "empty_value")
            return None
        if len(value) > self.max_chars:
            where.report(scalar.line, "too_long", limit=self.max_chars, length=len(value))
            return None
        if self.pattern and not re.fullmatch(self.pattern, value):
            where.report(scalar.line, "bad_format", value=value, example=self.example)
            return None
        return value


@dataclass(frozen=True)
class Flag(Kind):
    """true or false, and nothing else (YAML 1.1 would also read yes/no/on/off)."""

    def convert(self, node: Node, where: Where) -> bool | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        if scalar.text in ("true", "false") and not scalar.quoted:
            return scalar.text == "true"
        where.report(scalar.line, "expected_boolean", value=scalar.text)
        return None


@dataclass(frozen=True)
class TermRef(Kind):
    """The id of a term in one of the translated vocabularies."""

    vocabulary: str = ""

    def convert(self, node: Node, where: Where) -> str | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        ids = list(vocabulary(self.vocabulary))
        if scalar.text in ids:
            return scalar.text
        close = difflib.get_close_matches(scalar.text.lower(), ids, n=1, cutoff=0.6)
        where.report(
            scalar.line,
            "unknown_term" if not close else "unknown_term_close",
            value=scalar.text,
            choices=", ".join(ids),
            suggestion=close[0] if close else "",
        )
        return None


@dataclass(frozen=True)
class Translated(Kind):
    """A text in several languages: a map of language code to text."""

    all_languages: bool = False  # names must exist in every language; longer texts may not
    one_line: bool = False
    max_chars: int = 5000

    def convert(self, node: Node, where: Where) -> dict[str, str] | None:
        if not isinstance(node, Mapping):
            where.report(node.line, "expected_translations", languages=", ".join(CODES))
            return None
        texts: dict[str, str] = {}
        for code, entry in node.entries.items():
            inner = where.at(code)
            if code not in CODES:
                inner.report(entry.key_line, "unknown_language", value=code, languages=", ".join(CODES))
                continue
            value = self._one_text(entry.value, inner)
            if value is not None:
                texts[code] = value
        self._check_coverage(node, texts, where)
        return texts or None

    def _one_text(self, node: Node, where: Where) -> str | None:
        scalar = self.scalar(node, where)
        if scalar is None or scalar.is_null or not scalar.text.strip():
            return None
        value = scalar.text.strip()
        if self.one_line and "\n" in value:
            where.report(scalar.line, "not_one_line")
        if len(value) > self.max_chars:
            where.report(scalar.line, "too_long", limit=self.max_chars, length=len(value))
        return value

    def _check_coverage(self, node: Mapping, texts: dict[str, str], where: Where) -> None:
        missing = [code for code in CODES if code not in texts]
        if not missing:
            return
        if self.all_languages:
            for code in missing:
                where.at(code).report(node.line, "translation_required", language=code)
        elif not texts:
            where.report(node.line, "empty_value")


@dataclass(frozen=True)
class File(Kind):
    """A file in the record's own folder, named safely, with an allowed extension."""

    extensions: tuple[str, ...] = PHOTO_EXTENSIONS

    def convert(self, node: Node, where: Where) -> str | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        name = scalar.text.strip()
        if "://" in name or name.startswith(("/", "\\")) or ".." in name or "/" in name:
            where.report(scalar.line, "file_outside_folder", value=name)
            return None
        if not name.lower().endswith(self.extensions):
            where.report(scalar.line, "file_extension", value=name, allowed=", ".join(self.extensions))
            return None
        if not SAFE_FILE_NAME.match(name):
            where.report(scalar.line, "file_name_unsafe", value=name, suggestion=safe_file_name(name))
            return None
        target = where.folder / name
        if target.is_symlink():
            where.report(scalar.line, "file_is_link", value=name)
            return None
        if not target.is_file():
            where.report(scalar.line, "file_missing", value=name)
            return None
        return name


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind = field(default_factory=Kind)
    min_items: int = 0
    max_items: int = 20

    def convert(self, node: Node, where: Where) -> list[Any] | None:
        if not isinstance(node, Sequence):
            where.report(node.line, "expected_list")
            return None
        if not self.min_items <= len(node.items) <= self.max_items:
            where.report(
                node.line, "list_size", low=self.min_items, high=self.max_items, count=len(node.items)
            )
        values = [self.item.convert(item, where.at(f"[{i + 1}]")) for i, item in enumerate(node.items)]
        return [value for value in values if value is not None]


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool
    fr: str  # what the field is for, in French and English: shown in editors and the reference
    en: str


@dataclass(frozen=True)
class Record(Kind):
    """A mapping with known fields: unknown keys are problems, with a 'did you mean'."""

    fields: tuple[Field, ...] = ()

    def convert(self, node: Node, where: Where) -> dict[str, Any] | None:
        if not isinstance(node, Mapping):
            where.report(node.line, "expected_mapping")
            return None
        known = {spec.name: spec for spec in self.fields}
        values: dict[str, Any] = {}
        suggested: set[str] = set()  # a misspelt field is reported once, not also as missing
        for key, entry in node.entries.items():
            spec = known.get(key)
            if spec is None:
                suggested.add(self._unknown_key(key, entry.key_line, list(known), where))
                continue
            if isinstance(entry.value, Scalar) and entry.value.is_null:
                continue  # reported below as missing when the field is required
            value = spec.kind.convert(entry.value, where.at(key))
            if value is not None:
                values[key] = value
        for spec in self.fields:
            if spec.required and spec.name not in node.entries and spec.name not in suggested:
                where.at(spec.name).report(node.line, "missing_field")
            elif spec.required and spec.name in node.entries and _is_null(node, spec.name):
                where.at(spec.name).report(node.entries[spec.name].key_line, "missing_field")
        return values

    @staticmethod
    def _unknown_key(key: str, line: int, known: list[str], where: Where) -> str:
        """Report an unknown key; return the field it probably meant ('' when none is close)."""
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        inner = where.at(key)
        if close:
            inner.report(line, "unknown_key_close", value=key, suggestion=close[0])
            return close[0]
        inner.report(line, "unknown_key", value=key, known=", ".join(known))
        return ""


def _is_null(node: Mapping, key: str) -> bool:
    value = node.entries[key].value
    return isinstance(value, Scalar) and value.is_null


def safe_file_name(name: str) -> str:
    """A URL-safe version of a file name, to suggest in a message."""
    stem, dot, extension = name.rpartition(".")
    cleaned = re.sub(r"[^a-z0-9]+", "-", (stem or name).lower()).strip("-") or "photo"
    return f"{cleaned}.{extension.lower()}" if dot else cleaned


SLUG = Text(pattern=SLUG_PATTERN, example="tifaout-argan", max_chars=60)

PHOTO = Record(
    fields=(
        Field(
            "file",
            File(),
            True,
            "Nom du fichier photo, dans le dossier du produit.",
            "Photo file name, in the product's folder.",
        ),
        Field(
            "alt",
            Translated(one_line=True, max_chars=200),
            True,
            "Ce que montre la photo, pour les lecteurs d'écran.",
            "What the photo shows, for screen readers.",
        ),
    )
)

CONTACT = Record(
    fields=(
        Field(
            "email",
            Text(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", example="contact@example.org"),
            False,
            "Adresse e-mail.",
            "E-mail address.",
        ),
        Field(
            "phone",
            Text(pattern=r"^\+[1-9][0-9]{6,14}$", example="+212600000001"),
            False,
            "Téléphone au format international E.164, sans espaces.",
            "Phone number in international E.164 format, without spaces.",
        ),
        Field(
            "wechat",
            Text(pattern=r"^[A-Za-z][-_A-Za-z0-9]{5,19}$", example="sample-tifaout"),
            False,
            "Identifiant WeChat (6 à 20 caractères).",
            "WeChat ID (6 to 20 characters).",
        ),
    )
)

PRODUCT = Record(
    fields=(
        Field(
            "cooperative",
            SLUG,
            True,
            "Identifiant (nom du dossier) de la coopérative.",
            "Id (folder name) of the cooperative.",
        ),
        Field(
            "category", TermRef(vocabulary="categories"), True, "Catégorie de produit.", "Product category."
        ),
        Field(
            "featured",
            Flag(),
            False,
            "true pour le montrer sur la page d'accueil.",
            "true to show it on the home page.",
        ),
        Field(
            "name",
            Translated(all_languages=True, one_line=True, max_chars=80),
            True,
            "Nom du produit, dans les trois langues.",
            "Product name, in all three languages.",
        ),
        Field(
            "summary",
            Translated(one_line=True, max_chars=160),
            True,
            "Résumé en une ligne.",
            "One-line summary.",
        ),
        Field(
            "description",
            Translated(max_chars=5000),
            True,
            "Description (Markdown simple : paragraphes, listes, liens).",
            "Description (simple Markdown: paragraphs, lists, links).",
        ),
        Field(
            "photos",
            ListOf(item=PHOTO, min_items=1, max_items=12),
            True,
            "Photos du produit ; la première est la principale.",
            "Product photos; the first one is the main photo.",
        ),
    )
)

COOPERATIVE = Record(
    fields=(
        Field(
            "sample",
            Flag(),
            False,
            "true pour une coopérative fictive d'exemple.",
            "true for a fictional sample cooperative.",
        ),
        Field(
            "name",
            Translated(all_languages=True, one_line=True, max_chars=80),
            True,
            "Nom de la coopérative, dans les trois langues.",
            "Cooperative name, in all three languages.",
        ),
        Field("region", TermRef(vocabulary="regions"), True, "Région du Maroc.", "Region of Morocco."),
        Field(
            "story",
            Translated(max_chars=8000),
            True,
            "Présentation de la coopérative (Markdown simple).",
            "The cooperative's story (simple Markdown).",
        ),
        Field("contact", CONTACT, True, "Coordonnées pour les acheteurs.", "Contact details for buyers."),
    )
)
