"""Skeleton records for new cooperatives and products, written from the schema.

Required fields get the given answers; a required field without an answer is written EMPTY,
so that `make check` names it ("the field is there, but empty") — never a placeholder or a
default that would pass for a fact. Optional fields are written commented out, with an example
value, so the contributor sees every field with its description in French and English and can
switch it on by deleting the "# ".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from miftah.catalog.kinds import Field, ListOf, Record, Translated
from miftah.editing.reference import SCHEMAS
from miftah.languages import CODES

INDENT = "  "


@dataclass(frozen=True)
class _Line:
    depth: int
    text: str
    off: bool  # commented out (an optional field the contributor may switch on)
    note: bool = False  # a description, always a comment
    item: bool = False  # the first line of a list item: written after "- "

    def render(self) -> str:
        if self.note:
            return f"{INDENT * self.depth}# {self.text}"
        dash = "- " if self.item else ""
        pad = INDENT * (self.depth - 1 if self.item else self.depth)
        return f"{pad}# {dash}{self.text}" if self.off else f"{pad}{dash}{self.text}"


def skeleton(record_type: str, answers: dict[str, Any]) -> str:
    """The text of a new record; ``answers`` maps field paths ("name", "origin.region") to values."""
    lines = _fields(SCHEMAS[record_type], answers, "", 0, off=False)
    header = f"# yaml-language-server: $schema=../../schemas/{record_type}.schema.json"
    return "\n".join([header, *(line.render() for line in lines)]) + "\n"


def _fields(record: Record, answers: dict[str, Any], prefix: str, depth: int, off: bool) -> list[_Line]:
    lines = []
    for spec in record.fields:
        path = f"{prefix}{spec.name}"
        field_off = off or not (spec.required or any(key.startswith(path) for key in answers))
        lines.append(_Line(depth, f"{spec.fr} / {spec.en}", field_off, note=True))
        lines += _field(spec, answers, path, depth, field_off)
    return lines


def _field(spec: Field, answers: dict[str, Any], path: str, depth: int, off: bool) -> list[_Line]:
    kind = spec.kind
    if isinstance(kind, Record):
        return [_Line(depth, f"{spec.name}:", off), *_fields(kind, answers, f"{path}.", depth + 1, off)]
    if isinstance(kind, ListOf) and isinstance(kind.item, Record):
        inner = _fields(kind.item, answers, f"{path}[].", depth + 2, off)
        first = next(i for i, line in enumerate(inner) if not line.note)
        inner[first] = _Line(inner[first].depth, inner[first].text, inner[first].off, item=True)
        return [_Line(depth, f"{spec.name}:", off), *inner]
    if path not in answers:
        return _unanswered(spec, depth, off)
    value = answers[path]
    if isinstance(value, dict):
        entries = [_Line(depth + 1, f"{key}: {_scalar(text)}", off) for key, text in value.items()]
        return [_Line(depth, f"{spec.name}:", off), *entries]
    if isinstance(value, list):
        items = [_Line(depth + 2, _scalar(item), off, item=True) for item in value]
        return [_Line(depth, f"{spec.name}:", off), *items]
    return [_Line(depth, f"{spec.name}: {_scalar(value)}", off)]


def _unanswered(spec: Field, depth: int, off: bool) -> list[_Line]:
    """A field nobody answered: commented out with an example when optional, empty when
    required (one empty line per language for a text), so that nothing passes unwritten."""
    example = spec.kind.example()
    if off:
        if isinstance(example, dict):
            return [_Line(depth, f"{spec.name}:", off)] + [
                _Line(depth + 1, f"{key}: {_scalar(text)}", off) for key, text in example.items()
            ]
        return [_Line(depth, f"{spec.name}: {_scalar(example)}", off)]
    if isinstance(spec.kind, Translated):
        return [_Line(depth, f"{spec.name}:", off)] + [_Line(depth + 1, f"{code}:", off) for code in CODES]
    return [_Line(depth, f"{spec.name}:", off)]


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)
