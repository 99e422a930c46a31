"""The one canonical layout of a record file, and the formatter that writes it.

A record saved by the web editor and a record run through ``make format`` are the same bytes,
so a pull request's diff shows only the fields that changed. The layout:

- first line ``# yaml-language-server: $schema=../../schemas/<kind>.schema.json`` (re-created;
  ``../schemas/`` for the programme, one folder up);
- keys in the schema's order (``schema.py``), unknown keys after them in their written order;
- two spaces per level; list items ``- `` two spaces under their key; lists of single values
  (certificates, markets, payment terms) on one line: ``[a, b]``;
- empty values (``key:``, ``""``, ``[]``) left out; no blank lines;
- a value is written plain when no YAML reader could take it for anything else, otherwise
  between double quotes: ``"1515.90"`` (an HS code is text), ``"+212600000001"``, ``"no"``;
  numbers, dates and approximations (``12.50``, ``2019-05``, ``~40``) stay plain, since the
  strict reader (``yamlnodes``) keeps them as written; texts on several lines are ``|`` blocks;
- comments are kept with the field they stand above (or beside), by path.

The editor's JavaScript (``editor/miftah-format.js``) implements the same rules; a test runs both
over every record and compares the bytes. The shapes both use come from the schema here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from miftah.catalog.kinds import (
    Amount,
    Approximate,
    Choice,
    Date,
    File,
    Flag,
    Integer,
    Kind,
    ListOf,
    PartialDate,
    Price,
    Record,
    Text,
    Translated,
)

INDENT = "  "
HEADER = "# yaml-language-server: $schema={up}schemas/{kind}.schema.json"
DEPTH = {"product": 2, "cooperative": 2, "programme": 1}  # folders between the file and the root
END = "$end"  # path of the comments after the last field

# Values of these kinds are read by the strict reader as the text written: always plain.
_NUMERIC_KINDS = (Integer, Amount, Price, Approximate, PartialDate, Date)
# What a YAML 1.1 or 1.2 reader would take for a boolean, null, number or date: quoted in texts.
AMBIGUOUS = (
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
    r"^(?:~|null|Null|NULL)$",
    r"^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$",
    r"^[-+]?0[xob][0-9a-fA-F_]+$",
    r"^[-+]?\.(?:inf|Inf|INF)$",
    r"^\.(?:nan|NaN|NAN)$",
    r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$",
    r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}",
    r"^(?:<<|=)$",
)
NULL_WORDS = ("~", "null", "Null", "NULL")
UNSAFE_FIRST = "?:,[]{}#&*!|>'\"%@`"
UNSAFE_CHARS = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029\ufeff]")


def shape(kind: Kind[Any]) -> dict[str, Any]:
    """What the layout needs to know of a kind, as JSON (the editor's formatter reads it too)."""
    if isinstance(kind, Record):
        return {"t": "record", "fields": [[spec.name, shape(spec.kind)] for spec in kind.fields]}
    if isinstance(kind, ListOf):
        return {"t": "list", "item": shape(kind.item)}
    if isinstance(kind, Translated):
        return {"t": "translated", "codes": list(kind.codes())}
    if isinstance(kind, Flag):
        return {"t": "flag"}
    if isinstance(kind, _NUMERIC_KINDS):
        return {"t": "number"}
    if isinstance(kind, Text | Choice | File):
        return {"t": "text"}
    raise TypeError(f"no layout for {type(kind).__name__}")


class FormatError(ValueError):
    """The file is not YAML the formatter can lay out (the validator says why, with its line)."""


@dataclass
class Comments:
    before: dict[str, list[str]] = field(default_factory=dict)
    inline: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)  # paths as they came in the file


# --- reading -----------------------------------------------------------------------------


def read(text: str) -> tuple[Any, Comments]:
    """The record's values (texts stay as written; true/false become booleans) and comments."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)  # the Python reader counts characters
    except yaml.YAMLError as error:
        raise FormatError(str(error)) from error
    if node is None:
        return {}, Comments()
    if not isinstance(node, yaml.MappingNode):
        raise FormatError("the top of the file is not a mapping")
    anchors: list[tuple[int, int, str, int, str]] = []  # line, column, path, search column, mode
    covered: set[int] = set()
    value = _value(node, "", anchors, covered, text.split("\n"))
    return value, _comments(text.split("\n"), anchors, covered)


def _value(node: yaml.Node, path: str, anchors: list[Any], covered: set[int], lines: list[str]) -> Any:
    start, end = node.start_mark.line, node.end_mark.line
    if isinstance(node, yaml.ScalarNode):
        if start < end:  # lines inside a block or a long quoted text are never comments
            last = end if node.end_mark.column else end - 1
            covered.update(range(start + 1, last + 1))
        if node.style is None and node.value in ("", *NULL_WORDS):
            return None
        if node.style is None and node.value in ("true", "false"):
            return node.value == "true"
        return node.value
    if isinstance(node, yaml.SequenceNode):
        if node.flow_style:
            covered.update(range(start + 1, end + 1))
            return [_value(item, f"{path}[{i}]", [], covered, lines) for i, item in enumerate(node.value)]
        items = []
        for i, item in enumerate(node.value):
            item_path = f"{path}[{i}]"
            single = isinstance(item, yaml.ScalarNode) and item.start_mark.line == item.end_mark.line
            anchors.append(
                (
                    item.start_mark.line,
                    item.start_mark.column - 2,
                    item_path,
                    item.end_mark.column if single else -1,
                    "value",
                )
            )
            items.append(_value(item, item_path, anchors, covered, lines))
        return items
    assert isinstance(node, yaml.MappingNode)
    if node.flow_style:
        covered.update(range(start + 1, end + 1))
    mapping: dict[str, Any] = {}
    for key, child in node.value:
        key_text = str(key.value)
        child_path = f"{path}.{key_text}" if path else key_text
        line = key.start_mark.line
        if isinstance(child, yaml.ScalarNode) and child.style in ("|", ">"):
            anchors.append((line, key.start_mark.column, child_path, child.start_mark.column, "block"))
        elif child.start_mark.line == line and child.end_mark.line == line:
            anchors.append((line, key.start_mark.column, child_path, child.end_mark.column, "value"))
        else:
            anchors.append((line, key.start_mark.column, child_path, key.end_mark.column, "key"))
        if not node.flow_style:
            mapping[key_text] = _value(child, child_path, anchors, covered, lines)
        else:
            mapping[key_text] = _value(child, child_path, [], covered, lines)
    return mapping


def _comments(lines: list[str], anchors: list[Any], covered: set[int]) -> Comments:
    comments = Comments(order=[anchor[2] for anchor in sorted(anchors, key=lambda a: (a[0], a[1]))])
    by_line: dict[int, list[Any]] = {}
    for anchor in anchors:
        by_line.setdefault(anchor[0], []).append(anchor)
    pending: list[str] = []
    for number, line in enumerate(lines):
        if number in covered:
            continue
        stripped = line.strip()
        if stripped.startswith("#"):
            if not (number == 0 and stripped.startswith("# yaml-language-server:")):
                pending.append(stripped[1:].strip())
            continue
        here = sorted(by_line.get(number, []), key=lambda anchor: anchor[1])
        if not here:
            continue
        if pending:
            comments.before.setdefault(here[0][2], []).extend(pending)
            pending = []
        for _line, _column, path, search, mode in here:
            if search >= 0 and (note := _inline(line, search, mode)) is not None:
                comments.inline[path] = note
    if pending:
        comments.before[END] = pending
    return comments


def _inline(line: str, column: int, mode: str) -> str | None:
    rest = line[column:].lstrip()
    if mode == "key" and rest.startswith(":"):
        rest = rest[1:].lstrip()
    elif mode == "block":
        rest = re.sub(r"^[|>][-+0-9]*", "", rest).lstrip()
    return rest[1:].strip() if rest.startswith("#") else None


# --- writing -----------------------------------------------------------------------------


def write(kind_name: str, record_shape: dict[str, Any], value: Any, comments: Comments) -> str:
    """The canonical text of a record's values (the editor's ``toFile`` does the same)."""
    out = [HEADER.format(up="../" * DEPTH[kind_name], kind=kind_name)]
    pruned = prune(value) or {}
    comments = _relocate(comments, pruned)
    hoisted, lines = _mapping(record_shape, pruned, "", 0, comments)
    out += _notes(hoisted, 0) + lines + _notes(comments.before.get(END, []), 0)
    return "\n".join(out) + "\n"


def _relocate(comments: Comments, value: Any) -> Comments:
    """Comments of a field that is no longer written go to the next field that is."""
    alive = set(_paths(value, ""))
    moved = Comments(inline={path: note for path, note in comments.inline.items() if path in alive})
    carry: list[str] = []
    for path in comments.order:
        notes = comments.before.get(path, [])
        if path in alive:
            if carry or notes:
                moved.before[path] = carry + notes
            carry = []
        else:
            note = comments.inline.get(path)
            carry += notes + ([note] if note is not None else [])
    moved.before[END] = carry + comments.before.get(END, [])
    return moved


def _paths(value: Any, path: str) -> list[str]:
    found = []
    if isinstance(value, dict):
        for key, inner in value.items():
            child = f"{path}.{key}" if path else key
            found += [child, *_paths(inner, child)]
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += [f"{path}[{index}]", *_paths(inner, f"{path}[{index}]")]
    return found


def prune(value: Any) -> Any:
    """The value without empty texts, lists and mappings (None when nothing is left)."""
    if isinstance(value, dict):
        kept = {key: inner for key, item in value.items() if (inner := prune(item)) is not None}
        return kept or None
    if isinstance(value, list):
        items = [inner for item in value if (inner := prune(item)) is not None]
        return items or None
    if value is None or value == "":
        return None
    return value


def _notes(notes: list[str], depth: int) -> list[str]:
    return [f"{INDENT * depth}# {note}".rstrip() for note in notes]


def _fields(node_shape: dict[str, Any] | None, value: dict[str, Any]) -> list[tuple[str, Any]]:
    """(key, shape) in the layout's order: the schema's fields, then unknown keys as written."""
    known: list[tuple[str, Any]] = []
    if node_shape and node_shape["t"] == "record":
        known = [(name, inner) for name, inner in node_shape["fields"]]
    elif node_shape and node_shape["t"] == "translated":
        known = [(code, {"t": "text"}) for code in node_shape["codes"]]
    names = {name for name, _ in known}
    return [(name, inner) for name, inner in known if name in value] + [
        (key, None) for key in value if key not in names
    ]


def _mapping(
    node_shape: dict[str, Any] | None, value: dict[str, Any], path: str, depth: int, comments: Comments
) -> tuple[list[str], list[str]]:
    """The lines of a mapping; the first key's comments are returned apart (a list item puts
    them above its dash)."""
    lines: list[str] = []
    hoisted: list[str] = []
    for index, (key, inner) in enumerate(_fields(node_shape, value)):
        child_path = f"{path}.{key}" if path else key
        notes = comments.before.get(child_path, [])
        if index == 0:
            hoisted = notes
        else:
            lines += _notes(notes, depth)
        lines += _entry(key, inner, value[key], child_path, depth, comments)
    return hoisted, lines


def _entry(
    key: str, node_shape: dict[str, Any] | None, value: Any, path: str, depth: int, comments: Comments
) -> list[str]:
    pad = INDENT * depth
    note = comments.inline.get(path)
    tail = f" # {note}".rstrip() if note is not None else ""
    head = f"{pad}{scalar(key, numeric=False)}:"
    if isinstance(value, dict):
        hoisted, lines = _mapping(node_shape, value, path, depth + 1, comments)
        return [head + tail, *_notes(hoisted, depth + 1), *lines]
    if isinstance(value, list):
        item_shape = node_shape["item"] if node_shape and node_shape["t"] == "list" else None
        if all(not isinstance(item, dict | list) for item in value):
            numeric = bool(item_shape and item_shape["t"] == "number")
            items = ", ".join(scalar(item, numeric, flow=True) for item in value)
            return [f"{head} [{items}]{tail}"]
        return [head + tail, *_items(item_shape, value, path, depth + 1, comments)]
    if isinstance(value, str) and "\n" in value and literal_ok(value):
        return [f"{head} {_block_header(value)}{tail}", *_block_lines(value, depth + 1)]
    numeric = bool(node_shape and node_shape["t"] == "number")
    return [f"{head} {scalar(value, numeric)}{tail}"]


def _items(
    item_shape: dict[str, Any] | None, items: list[Any], path: str, depth: int, comments: Comments
) -> list[str]:
    pad = INDENT * depth
    lines: list[str] = []
    for index, item in enumerate(items):
        item_path = f"{path}[{index}]"
        notes = list(comments.before.get(item_path, []))
        if isinstance(item, dict):
            hoisted, inner = _mapping(item_shape, item, item_path, depth + 1, comments)
            lines += _notes(notes + hoisted, depth)
            lines += [f"{pad}- {inner[0].lstrip()}", *inner[1:]]
            continue
        lines += _notes(notes, depth)
        note = comments.inline.get(item_path)
        tail = f" # {note}".rstrip() if note is not None else ""
        if isinstance(item, list):
            lines.append(f"{pad}- [{', '.join(scalar(inner, False, flow=True) for inner in item)}]{tail}")
        else:
            numeric = bool(item_shape and item_shape["t"] == "number")
            lines.append(f"{pad}- {scalar(item, numeric)}{tail}")
    return lines


def scalar(value: Any, numeric: bool, flow: bool = False) -> str:
    """One value on one line: plain when safe, otherwise double-quoted (JSON escapes)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return text if plain_ok(text, numeric, flow) else json.dumps(text, ensure_ascii=False)


def plain_ok(text: str, numeric: bool, flow: bool = False) -> bool:
    if not text or text != text.strip(" \t") or UNSAFE_CHARS.search(text) or "\t" in text:
        return False
    if text[0] in UNSAFE_FIRST or (text[0] == "-" and (len(text) == 1 or text[1] == " ")):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(char in text for char in ",[]{}:"):
        return False
    if text in NULL_WORDS:
        return False
    return numeric or not any(re.search(pattern, text) for pattern in AMBIGUOUS)


def literal_ok(text: str) -> bool:
    """Whether a text on several lines can be a ``|`` block that reads back the same."""
    lines = text.split("\n")
    if UNSAFE_CHARS.search(text.replace("\n", "").replace("\t", "")):
        return False
    if any(line.startswith("\t") or (line and not line.strip(" ")) for line in lines):
        return False
    first = next((line for line in lines if line), "")
    return bool(first) and not first.startswith(" ")


def _block_header(text: str) -> str:
    trailing = len(text) - len(text.rstrip("\n"))
    return "|-" if trailing == 0 else "|" if trailing == 1 else "|+"


def _block_lines(text: str, depth: int) -> list[str]:
    lines = text.split("\n")
    if text.endswith("\n"):
        lines = lines[:-1]
    return [f"{INDENT * depth}{line}" if line else "" for line in lines]


# --- the formatter -----------------------------------------------------------------------


def format_record(text: str, kind_name: str, record: Record) -> str:
    """The canonical text of a record file (raises FormatError when it is not YAML)."""
    value, comments = read(text)
    return write(kind_name, shape(record), value, comments)


def first_difference(current: str, canonical: str) -> int:
    """The first line (1-based) where a file differs from its canonical layout."""
    for number, (mine, theirs) in enumerate(zip(current.split("\n"), canonical.split("\n"), strict=False), 1):
        if mine != theirs:
            return number
    return min(len(current.split("\n")), len(canonical.split("\n")))
