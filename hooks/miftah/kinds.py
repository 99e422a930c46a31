"""Kinds of values a record field can hold, and how each is read, checked and described.

A kind turns the text a cooperative wrote (a located YAML node, see ``yamlnodes``) into a value,
reporting problems to the ``Where`` it is given instead of raising. The same kind describes
itself as JSON Schema (for editors) and gives an example (for skeletons and the field
reference), so checks, editor hints and documentation come from one declaration.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from miftah.languages import CODES
from miftah.problems import Problem
from miftah.taxonomy import vocabulary
from miftah.yamlnodes import Mapping, Node, Scalar, Sequence

SAFE_FILE_NAME = re.compile(r"^[a-z0-9]+([._-][a-z0-9]+)*\.[a-z0-9]+$")
_INVISIBLE_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")  # control, format (zero-width…), separators


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
    """How one field's value is written and checked. Subclasses override the three methods."""

    def convert(self, node: Node, where: Where) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def example(self) -> Any:
        raise NotImplementedError

    @staticmethod
    def scalar(node: Node, where: Where) -> Scalar | None:
        if isinstance(node, Scalar):
            return node
        where.report(node.line, "expected_text")
        return None


def has_invisible(text: str) -> bool:
    return any(unicodedata.category(char) in _INVISIBLE_CATEGORIES for char in text if char not in "\n\t")


@dataclass(frozen=True)
class Text(Kind):
    """A plain one-language value: a name as registered, an e-mail address, an id, a code."""

    pattern: str | None = None
    sample: str = ""  # an example shown in messages, skeletons and editors
    max_chars: int = 200

    def convert(self, node: Node, where: Where) -> str | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        value = scalar.text.strip()
        if not value:
            where.report(scalar.line, "empty_value")
        elif has_invisible(value):
            where.report(scalar.line, "invisible_character", value=ascii(value)[1:-1])
        elif len(value) > self.max_chars:
            where.report(scalar.line, "too_long", limit=self.max_chars, length=len(value))
        elif self.pattern and not re.fullmatch(self.pattern, value):
            where.report(scalar.line, "bad_format", value=value, example=self.sample)
        else:
            return value
        return None

    def json_schema(self) -> dict[str, Any]:
        # YAML editors may read "+2126…" or "1515.90" as numbers: accept them, check strings.
        schema: dict[str, Any] = {"type": ["string", "number"], "maxLength": self.max_chars}
        if self.pattern:
            schema["pattern"] = self.pattern
        return schema

    def example(self) -> str:
        return self.sample


@dataclass(frozen=True)
class Flag(Kind):
    """true or false, and nothing else (YAML 1.1 would also read yes/no/on/off)."""

    sample: bool = True

    def convert(self, node: Node, where: Where) -> bool | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        if scalar.text in ("true", "false") and not scalar.quoted:
            return scalar.text == "true"
        where.report(scalar.line, "expected_boolean", value=scalar.text)
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}

    def example(self) -> bool:
        return self.sample


@dataclass(frozen=True)
class Integer(Kind):
    """A whole number written in digits, within a range (no octal, no 1_000, no 1e3)."""

    low: int = 0
    high: int = 10**9
    sample: int = 1

    def convert(self, node: Node, where: Where) -> int | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        text = scalar.text.strip()
        if not re.fullmatch(r"[0-9]+", text):
            where.report(scalar.line, "expected_integer", value=text)
            return None
        value = int(text)
        if not self.low <= value <= self.high:
            where.report(scalar.line, "out_of_range", value=text, low=self.low, high=self.high)
            return None
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.low, "maximum": self.high}

    def example(self) -> int:
        return self.sample


@dataclass(frozen=True)
class Amount(Kind):
    """A decimal number as written (kept exact: "1.10" stays 1.10), with at most some decimals."""

    decimals: int = 2
    low: decimal.Decimal = decimal.Decimal(0)
    high: decimal.Decimal = decimal.Decimal(10**9)
    sample: str = "12.50"

    def convert(self, node: Node, where: Where) -> decimal.Decimal | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        text = scalar.text.strip()
        pattern = rf"-?[0-9]+(\.[0-9]{{1,{self.decimals}}})?" if self.decimals else r"-?[0-9]+"
        if not re.fullmatch(pattern, text):
            where.report(
                scalar.line, "expected_decimal", value=text, decimals=self.decimals, example=self.sample
            )
            return None
        value = decimal.Decimal(text)
        if not self.low <= value <= self.high:
            where.report(scalar.line, "out_of_range", value=text, low=self.low, high=self.high)
            return None
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": ["number", "string"], "minimum": float(self.low), "maximum": float(self.high)}

    def example(self) -> str:
        return self.sample


@dataclass(frozen=True)
class Date(Kind):
    """A calendar date written YYYY-MM-DD, checked to exist (no 30 February)."""

    sample: str = "2026-11-01"

    def convert(self, node: Node, where: Where) -> datetime.date | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        text = scalar.text.strip()
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            where.report(scalar.line, "expected_date", value=text, example=self.sample)
            return None
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            where.report(scalar.line, "impossible_date", value=text)
            return None

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}

    def example(self) -> str:
        return self.sample


@dataclass(frozen=True)
class Choice(Kind):
    """One of a fixed list of ids: either a translated vocabulary, or a short list of its own."""

    vocabulary: str = ""  # the name of a file in data/taxonomy/, or
    choices: tuple[str, ...] = ()  # a closed list written here

    def ids(self) -> list[str]:
        return list(vocabulary(self.vocabulary)) if self.vocabulary else list(self.choices)

    def convert(self, node: Node, where: Where) -> str | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        ids = self.ids()
        if scalar.text in ids:
            return scalar.text
        close = difflib.get_close_matches(scalar.text.lower(), ids, n=1, cutoff=0.6)
        where.report(
            scalar.line,
            "unknown_term_close" if close else "unknown_term",
            value=scalar.text,
            choices=", ".join(ids),
            suggestion=close[0] if close else "",
        )
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": self.ids()}

    def example(self) -> str:
        return self.ids()[0]


@dataclass(frozen=True)
class Translated(Kind):
    """A text in several languages: a map of language code to text."""

    all_languages: bool = False  # names must exist in every language; longer texts may not
    one_line: bool = False
    max_chars: int = 5000
    sample: tuple[str, str, str] = ("中文", "français", "English")

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
        if not texts:
            where.report(node.line, "empty_value")
            return
        for code in missing:
            if self.all_languages:
                where.at(code).report(node.line, "translation_required", language=code)
            else:
                where.at(code).report(node.line, "translation_missing", "warning", language=code)

    def json_schema(self) -> dict[str, Any]:
        text: dict[str, Any] = {"type": "string", "maxLength": self.max_chars}
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {code: text for code in CODES},
            "additionalProperties": False,
            "minProperties": 1,
        }
        if self.all_languages:
            schema["required"] = list(CODES)
        return schema

    def example(self) -> dict[str, str]:
        return dict(zip(CODES, self.sample, strict=True))


@dataclass(frozen=True)
class File(Kind):
    """A file in the record's own folder, named safely, with an allowed extension."""

    extensions: tuple[str, ...] = (".jpg", ".jpeg", ".png", ".webp")
    sample: str = "photo-1.jpg"

    def convert(self, node: Node, where: Where) -> str | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        name = scalar.text.strip()
        if "://" in name or name.startswith(("/", "\\")) or ".." in name or "/" in name or "\\" in name:
            where.report(scalar.line, "file_outside_folder", value=name)
        elif not name.lower().endswith(self.extensions):
            where.report(scalar.line, "file_extension", value=name, allowed=", ".join(self.extensions))
        elif not SAFE_FILE_NAME.match(name):
            where.report(scalar.line, "file_name_unsafe", value=name, suggestion=safe_file_name(name))
        elif (where.folder / name).is_symlink():
            where.report(scalar.line, "file_is_link", value=name)
        elif not (where.folder / name).is_file():
            where.report(scalar.line, "file_missing", value=name)
        else:
            return name
        return None

    def json_schema(self) -> dict[str, Any]:
        endings = "|".join(re.escape(extension[1:]) for extension in self.extensions)
        return {"type": "string", "pattern": rf"^[a-z0-9]+([._-][a-z0-9]+)*\.({endings})$"}

    def example(self) -> str:
        return self.sample


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind = dataclasses.field(default_factory=Kind)
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

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "array",
            "items": self.item.json_schema(),
            "minItems": self.min_items,
            "maxItems": self.max_items,
        }

    def example(self) -> list[Any]:
        return [self.item.example()]


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool
    fr: str  # what the field is for, in French and English: editors, skeletons, reference
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
            if not spec.required or spec.name in suggested:
                continue
            if spec.name not in node.entries:
                where.at(spec.name).report(node.line, "missing_field")
            elif _is_null(node, spec.name):
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

    def json_schema(self) -> dict[str, Any]:
        properties = {}
        for spec in self.fields:
            properties[spec.name] = {**spec.kind.json_schema(), "description": f"{spec.fr}\n{spec.en}"}
        schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
        required = [spec.name for spec in self.fields if spec.required]
        if required:
            schema["required"] = required
        return schema

    def example(self) -> dict[str, Any]:
        return {spec.name: spec.kind.example() for spec in self.fields}


def _is_null(node: Mapping, key: str) -> bool:
    value = node.entries[key].value
    return isinstance(value, Scalar) and value.is_null


def safe_file_name(name: str) -> str:
    """A URL-safe version of a file name, to suggest in a message."""
    stem, dot, extension = name.rpartition(".")
    cleaned = re.sub(r"[^a-z0-9]+", "-", (stem or name).lower()).strip("-") or "photo"
    return f"{cleaned}.{extension.lower()}" if dot else cleaned
