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
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast, overload

from miftah.catalog.problems import Problem
from miftah.catalog.taxonomy import aliases, vocabulary
from miftah.catalog.textrules import script_problem, text_problem
from miftah.catalog.textrules import shown as _shown
from miftah.catalog.yamlnodes import Mapping, Node, Scalar, Sequence
from miftah.languages import CODES
from miftah.translated import SCRIPTS, Translations

T = TypeVar("T")  # the value a record holds for a field of this kind
Item = TypeVar("Item")  # the value of one item of a list
R = TypeVar("R")  # a record class

SAFE_FILE_NAME = re.compile(r"^[a-z0-9]+([._-][a-z0-9]+)*\.[a-z0-9]+$")


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
class Kind(Generic[T]):
    """How one field's value is written and checked. Subclasses override the three methods,
    and ``typed`` when a record holds the value otherwise than ``convert`` returns it."""

    def convert(self, node: Node, where: Where) -> Any:
        raise NotImplementedError

    def typed(self, value: Any, folder: Path) -> T:
        """The converted ``value`` as a typed record holds it (the same, unless overridden)."""
        return cast(T, value)

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


@dataclass(frozen=True)
class Text(Kind[str]):
    """A plain one-language value: a name as registered, an e-mail address, an id, a code."""

    pattern: str | None = None
    sample: str = ""  # an example shown in messages, skeletons and editors
    max_chars: int = 200

    def convert(self, node: Node, where: Where) -> str | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        value = scalar.text.strip()
        problem = text_problem(value, self.max_chars, one_line=True)
        if not value:
            where.report(scalar.line, "empty_value")
        elif problem:
            where.report(scalar.line, problem[0], **problem[1])
        elif self.pattern and not re.fullmatch(self.pattern, value):
            where.report(scalar.line, "bad_format", value=_shown(value), example=self.sample)
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
class HsCode(Text):
    """A 6-digit HS code written NNNN.NN; a longer national tariff line gets its 6-digit fix."""

    pattern: str | None = r"^[0-9]{4}\.[0-9]{2}$"
    sample: str = "1515.90"
    max_chars: int = 7

    def convert(self, node: Node, where: Where) -> str | None:
        scalar = self.scalar(node, where)
        if scalar is not None:
            text = scalar.text.strip()
            digits = re.sub(r"[ .]", "", text)
            if re.fullmatch(r"[0-9]{8,10}", digits) and not re.fullmatch(r"[0-9]{4}\.[0-9]{2}", text):
                where.report(
                    scalar.line, "hs_code_national", value=text, suggestion=f"{digits[:4]}.{digits[4:6]}"
                )
                return None
            if re.fullmatch(r"[0-9]{6}", digits) and text != f"{digits[:4]}.{digits[4:]}":
                where.report(scalar.line, "bad_format", value=text, example=f"{digits[:4]}.{digits[4:]}")
                return None
        return super().convert(node, where)


@dataclass(frozen=True)
class Flag(Kind[bool]):
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
class Integer(Kind[int]):
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
            where.report(scalar.line, "expected_integer", value=_shown(text))
            return None
        if len(text) > len(str(self.high)) or not self.low <= int(text) <= self.high:
            where.report(scalar.line, "out_of_range", value=_shown(text), low=self.low, high=self.high)
            return None
        return int(text)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.low, "maximum": self.high}

    def example(self) -> int:
        return self.sample


@dataclass(frozen=True)
class Amount(Kind[decimal.Decimal]):
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
        return _decimal(text, scalar.line, where, self.decimals, self.low, self.high, self.sample)

    def json_schema(self) -> dict[str, Any]:
        return {"type": ["number", "string"], "minimum": float(self.low), "maximum": float(self.high)}

    def example(self) -> str:
        return self.sample


def _decimal(
    text: str,
    line: int,
    where: Where,
    decimals: int,
    low: decimal.Decimal,
    high: decimal.Decimal,
    sample: str,
) -> decimal.Decimal | None:
    """A number written with a decimal point, within a range; the decimal comma gets its fix."""
    pattern = rf"-?[0-9]+(\.[0-9]{{1,{decimals}}})?" if decimals else r"-?[0-9]+"
    if re.fullmatch(pattern, text):
        value = decimal.Decimal(text)
        if len(text) <= 30 and low <= value <= high:
            return value
        where.report(line, "out_of_range", value=_shown(text), low=low, high=high)
    elif re.fullmatch(r"-?[0-9]+,[0-9]+", text):
        where.report(line, "decimal_comma", value=text, suggestion=text.replace(",", "."))
    elif fraction := _FRACTIONS.get(text):
        where.report(line, "decimal_comma", value=text, suggestion=fraction)
    else:
        where.report(line, "expected_decimal", value=_shown(text), decimals=decimals, example=sample)
    return None


_FRACTIONS = {"½": "0.5", "1/2": "0.5", "¼": "0.25", "1/4": "0.25", "¾": "0.75", "3/4": "0.75"}


@dataclass(frozen=True)
class Approx:
    """A number as well as it is known: exact (40), about (~40), a range (50–60) or a floor (80+)."""

    low: int
    high: int | None  # None: "at least low"
    about: bool = False

    @property
    def exact(self) -> bool:
        return self.high == self.low and not self.about


_ABOUT_WORDS = ("~", "about", "environ", "vers", "circa", "ca.", "approx.", "约", "大约", "حوالي")
_RANGE = re.compile(r"([0-9]+)\s*(?:-|–|—|to|à)\s*([0-9]+)")


@dataclass(frozen=True)
class Approximate(Kind[Approx]):
    """A whole number or year that may be approximate: 40, ~40 (about), 50-60, 80+ (at least)."""

    low: int = 0
    high: int = 10**6
    sample: str = "40"
    examples: str = "40, ~40, 50-60, 80+"

    def convert(self, node: Node, where: Where) -> Approx | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        text = " ".join(scalar.text.split())
        value = self._parse(text)
        if value is None:
            where.report(scalar.line, "expected_approximate", value=_shown(text), examples=self.examples)
            return None
        top = value.high if value.high is not None else value.low
        if not (self.low <= value.low <= self.high and self.low <= top <= self.high):
            where.report(scalar.line, "out_of_range", value=_shown(text), low=self.low, high=self.high)
            return None
        if top < value.low:
            where.report(scalar.line, "range_reversed", value=text)
            return None
        return value

    @staticmethod
    def _parse(text: str) -> Approx | None:
        if re.fullmatch(r"[0-9]{1,7}", text):
            return Approx(int(text), int(text))
        if match := re.fullmatch(r"([0-9]{1,7})\s*\+", text):
            return Approx(int(match[1]), None)
        if match := _RANGE.fullmatch(text):
            return Approx(int(match[1]), int(match[2])) if len(match[1]) <= 7 >= len(match[2]) else None
        for word in _ABOUT_WORDS:
            rest = text[len(word) :].strip() if text.lower().startswith(word) else ""
            if re.fullmatch(r"[0-9]{1,7}", rest):
                return Approx(int(rest), int(rest), about=True)
        return None

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": ["integer", "string"],
            "pattern": r"^(~ ?)?[0-9]+( ?[-–] ?[0-9]+|\+)?$",
        }

    def example(self) -> str:
        return self.sample


@dataclass(frozen=True)
class Span:
    """A price, or a price range as the cooperative gives it (120–150)."""

    low: decimal.Decimal
    high: decimal.Decimal | None = None  # None: one price


@dataclass(frozen=True)
class Price(Kind[Span]):
    """A price written 12.50, or a range written 120-150 (decimal point, never a comma)."""

    decimals: int = 2
    sample: str = "12.50"

    def convert(self, node: Node, where: Where) -> Span | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        text = " ".join(scalar.text.split())
        parts = re.split(r"\s*(?:–|—|(?<=[0-9])\s*-\s*(?=[0-9]))\s*", text)
        if len(parts) > 2:
            where.report(
                scalar.line,
                "expected_decimal",
                value=_shown(text),
                decimals=self.decimals,
                example=self.sample,
            )
            return None
        top = decimal.Decimal(10**9)
        values = [
            _decimal(part, scalar.line, where, self.decimals, decimal.Decimal(0), top, self.sample)
            for part in parts
        ]
        if any(value is None for value in values):
            return None
        low, high = values[0], values[-1] if len(values) == 2 else None
        assert low is not None
        if high is not None and high < low:
            where.report(scalar.line, "range_reversed", value=text)
            return None
        return Span(low, high)

    def json_schema(self) -> dict[str, Any]:
        return {"type": ["number", "string"], "pattern": r"^[0-9]+(\.[0-9]+)?( ?[-–] ?[0-9]+(\.[0-9]+)?)?$"}

    def example(self) -> str:
        return self.sample


@dataclass(frozen=True)
class Partial:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class PartialDate(Kind[Partial]):
    """A date known only as precisely as the real world gives it: 2019, 2019-05 or 2019-05-14."""

    sample: str = "2019-05"

    def convert(self, node: Node, where: Where) -> Partial | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        text = scalar.text.strip()
        match = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", text)
        if not match:
            where.report(scalar.line, "expected_partial_date", value=_shown(text), example=self.sample)
            return None
        year, month, day = int(match[1]), match[2] and int(match[2]), match[3] and int(match[3])
        try:
            datetime.date(year, month or 1, day or 1)
        except ValueError:
            where.report(scalar.line, "impossible_date", value=text)
            return None
        return Partial(year, month or None, day or None)

    def json_schema(self) -> dict[str, Any]:
        return {"type": ["string", "integer"], "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}

    def example(self) -> str:
        return self.sample


@dataclass(frozen=True)
class Date(Kind[datetime.date]):
    """A calendar date written YYYY-MM-DD, checked to exist (no 30 February)."""

    sample: str = "2026-11-01"

    def convert(self, node: Node, where: Where) -> datetime.date | None:
        scalar = self.scalar(node, where)
        if scalar is None:
            return None
        text = scalar.text.strip()
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            where.report(scalar.line, "expected_date", value=_shown(text), example=self.sample)
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
class Choice(Kind[str]):
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
        # A usual way of writing a term (litre, DH, Morocco) gets its id as the fix, never silently.
        alias = aliases(self.vocabulary).get(scalar.text.strip().casefold()) if self.vocabulary else None
        close = [alias] if alias else difflib.get_close_matches(scalar.text.lower(), ids, n=1, cutoff=0.6)
        where.report(
            scalar.line,
            "unknown_term_close" if close else "unknown_term",
            value=_shown(scalar.text),
            choices=", ".join(ids) if len(ids) <= 30 else ", ".join(ids[:30]) + ", …",
            suggestion=close[0] if close else "",
        )
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": self.ids()}

    def example(self) -> str:
        return self.ids()[0]


@dataclass(frozen=True)
class Translated(Kind[Translations]):
    """A text in several languages: a map of language code to text."""

    all_languages: bool = False  # names must exist in every language; longer texts may not
    one_line: bool = False
    max_chars: int = 5000
    sample: tuple[str, str, str] = ("中文", "français", "English")
    own_scripts: bool = False  # names may also be written in Arabic (ar) and Tifinagh (tfng)

    def codes(self) -> tuple[str, ...]:
        return CODES + SCRIPTS if self.own_scripts else CODES

    def convert(self, node: Node, where: Where) -> dict[str, str] | None:
        if not isinstance(node, Mapping):
            where.report(node.line, "expected_translations", languages=", ".join(self.codes()))
            return None
        texts: dict[str, str] = {}
        empty: set[str] = set()
        reported: set[str] = set()
        for code, entry in node.entries.items():
            inner = where.at(code)
            if code not in self.codes():
                inner.report(
                    entry.key_line, "unknown_language", value=_shown(code), languages=", ".join(self.codes())
                )
                continue
            value = self._one_text(entry.value, inner, code)
            if value is None:
                empty.add(code)
            elif value:
                texts[code] = value
            else:
                reported.add(code)
        self._check_coverage(node, texts, empty | reported, where, reported)
        return texts or None

    def _one_text(self, node: Node, where: Where, code: str) -> str | None:
        """The text; None when the line is empty; "" when it is there but wrong (reported)."""
        scalar = self.scalar(node, where)
        if scalar is None:
            return ""
        if scalar.is_null or not scalar.text.strip():
            return None
        value = scalar.text.strip()
        problem = text_problem(value, self.max_chars, self.one_line)
        if problem:
            where.report(scalar.line, problem[0], **problem[1])
        elif script := script_problem(code, value):
            where.report(scalar.line, script, value=_shown(value, 40))
        return value

    def _check_coverage(
        self, node: Mapping, texts: dict[str, str], empty: set[str], where: Where, reported: set[str]
    ) -> None:
        if not texts:  # nothing written at all, or only empty lines: one message, not one per line
            where.report(node.line, "empty_value")
            return
        required = self._required(texts)
        own_name = any(code in texts for code in SCRIPTS)  # fr/en pages then show it: nothing to say
        for code in CODES:
            if code in texts or code in reported or (own_name and code not in required and code not in empty):
                continue
            # A line that is there but empty is told as such, not as "missing" (it is not).
            line = node.entries[code].key_line if code in empty else node.line
            problem = "translation_empty" if code in empty else "translation_required"
            if code not in required:
                problem = "translation_empty_optional" if code in empty else "translation_missing"
            where.at(code).report(line, problem, "error" if code in required else "warning", language=code)

    def _required(self, texts: dict[str, str]) -> tuple[str, ...]:
        """Names need every language, except that a name written in Arabic or Tifinagh needs
        only its Chinese form: nobody has to coin a Latin spelling the cooperative never uses."""
        if not self.all_languages:
            return ()
        if any(code in texts for code in SCRIPTS):
            return ("zh",)
        return CODES

    def json_schema(self) -> dict[str, Any]:
        text: dict[str, Any] = {"type": "string", "maxLength": self.max_chars}
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {code: text for code in self.codes()},
            "additionalProperties": False,
            "minProperties": 1,
        }
        if self.all_languages:
            schema["required"] = ["zh"] if self.own_scripts else list(CODES)
        return schema

    def example(self) -> dict[str, str]:
        return dict(zip(CODES, self.sample, strict=True))

    def typed(self, value: Any, folder: Path) -> Translations:
        return Translations.of(value)


@dataclass(frozen=True)
class File(Kind[Path]):
    """A file in the record's own folder, named safely, with an allowed extension."""

    extensions: tuple[str, ...] = (".jpg", ".jpeg", ".png", ".webp")
    sample: str = "photo-1.jpg"
    role: str = "photo"  # photo, logo or qr (images the pipeline checks and encodes), or document

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

    def typed(self, value: Any, folder: Path) -> Path:
        return Path(folder, value)


@dataclass(frozen=True)
class ListOf(Kind[tuple[Item, ...]]):
    item: Kind[Item]
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

    def typed(self, value: Any, folder: Path) -> tuple[Item, ...]:
        return tuple(self.item.typed(item, folder) for item in value)


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind[Any]
    required: bool
    fr: str  # what the field is for, in French and English: editors, skeletons, reference
    en: str


@dataclass(frozen=True)
class Record(Kind[Any]):
    """A mapping with known fields: unknown keys are problems, with a 'did you mean'."""

    fields: tuple[Field, ...] = ()
    cls: type | None = None  # the record class that declares the fields (see ``declared``)

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
                where.at(spec.name).report(node.line, "missing_field", example=example_line(spec))
            elif _is_null(node, spec.name):
                where.at(spec.name).report(
                    node.entries[spec.name].key_line, "empty_required_field", example=example_line(spec)
                )
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

    def typed(self, value: Any, folder: Path) -> Any:
        return build(self.cls, value, folder) if self.cls else value


# A record is declared once, as a frozen dataclass whose fields say their kind and help:
#     name: Translations = required(NAME, "Nom du produit…", "Product name…")
# mypy checks the type written against the kind's (a Kind[T] gives a T); ``declared`` derives
# the validating Record from the class, and ``build`` the typed record from converted values.
_DECLARED = "miftah.field"


def required(kind: Kind[T], fr: str, en: str) -> T:
    """A field the record must have: its kind, and what it is for in French and English."""
    return cast(T, dataclasses.field(metadata={_DECLARED: Field("", kind, True, fr, en)}))


@overload
def optional(kind: Kind[T], fr: str, en: str) -> T | None: ...
@overload
def optional(kind: Kind[T], fr: str, en: str, default: T) -> T: ...
def optional(kind: Kind[Any], fr: str, en: str, default: Any = None) -> Any:
    """A field the record may leave out: ``default`` (None unless given) stands for it."""
    return dataclasses.field(default=default, metadata={_DECLARED: Field("", kind, False, fr, en)})


_declared: dict[type, Record] = {}


def declared(cls: type) -> Record:
    """The Record kind a record class declares: its declared fields, in the order written
    (fields without a declaration, such as a slug taken from the folder, are not read)."""
    if cls not in _declared:
        fields = tuple(
            dataclasses.replace(field.metadata[_DECLARED], name=field.name)
            for field in dataclasses.fields(cls)
            if _DECLARED in field.metadata
        )
        _declared[cls] = Record(fields=fields, cls=cls)
    return _declared[cls]


def of(cls: type[R]) -> Kind[R]:
    """The kind of a field that holds a nested record of class ``cls``."""
    return cast(Kind[R], declared(cls))


def build(cls: type[R], values: dict[str, Any], folder: Path, /, **given: Any) -> R:
    """A typed record from the values its Record converted (only ever without errors, so
    required values are there); fields left out take their declared default."""
    for spec in declared(cls).fields:
        if values.get(spec.name) is not None:
            given[spec.name] = spec.kind.typed(values[spec.name], folder)
    return cls(**given)


def referenced_files(kind: Kind[Any], value: Any, path: str = "") -> list[tuple[str, str, str]]:
    """(field path, file name, role) of every file a value refers to, found through its kinds:
    the one place that knows which fields name files (photos, logo, QR codes, certificate
    copies, source documents). The value is either as converted (dicts, names) or a typed
    record (see ``files_of``)."""
    if isinstance(kind, File) and isinstance(value, str | Path):
        return [(path, Path(value).name, kind.role)]
    if isinstance(kind, Record) and (isinstance(value, dict) or dataclasses.is_dataclass(value)):
        get = value.get if isinstance(value, dict) else lambda name: getattr(value, name)
        return [
            found
            for spec in kind.fields
            for found in referenced_files(spec.kind, get(spec.name), f"{path}.{spec.name}".lstrip("."))
        ]
    if isinstance(kind, ListOf) and isinstance(value, list | tuple):
        return [
            found
            for i, item in enumerate(value, start=1)
            for found in referenced_files(kind.item, item, f"{path}[{i}]")
        ]
    return []


def files_of(record: object) -> list[tuple[str, str, str]]:
    """(field path, file name, role) of every file a typed record refers to, in its folder."""
    return referenced_files(declared(type(record)), record)


def example_line(spec: Field) -> str:
    """A field written out on one line, to copy: « name: {"zh": "名称", …} », « moq: … »."""
    example = spec.kind.example()
    if isinstance(example, bool):
        return f"{spec.name}: {'true' if example else 'false'}"
    if isinstance(example, str | int):
        return f"{spec.name}: {example}"
    return f"{spec.name}: {json.dumps(example, ensure_ascii=False)}"


def _is_null(node: Mapping, key: str) -> bool:
    value = node.entries[key].value
    return isinstance(value, Scalar) and value.is_null


def safe_file_name(name: str) -> str:
    """A URL-safe version of a file name, to suggest in a message."""
    stem, dot, extension = name.rpartition(".")
    cleaned = re.sub(r"[^a-z0-9]+", "-", (stem or name).lower()).strip("-") or "photo"
    return f"{cleaned}.{extension.lower()}" if dot else cleaned
