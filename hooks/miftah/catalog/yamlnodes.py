"""Strict YAML reading: a record file becomes a tree of located nodes, never a guessed value.

PyYAML's ``safe_load`` follows YAML 1.1 and silently turns ``NO`` into False, ``0612345677`` into
an octal number, ``1.10`` into 1.1 and ``12:30`` into 750, and keeps the last of two duplicate
keys. Here every scalar stays the text that was written (the record schema converts it), and
anything a cooperative could not have meant is a problem with a line number: duplicate keys,
anchors and aliases, tags, several documents, tabs in indentation, text that is not UTF-8.
The tree is built from the parser's event stream without recursion, so deep nesting is reported
instead of crashing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from miftah.catalog.problems import Problem

MAX_FILE_BYTES = 256 * 1024  # a record is a few KB; anything larger is a mistake (or an attack)
MAX_DEPTH = 12  # the deepest record path is about 6 levels

_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser is ~10x faster


@dataclass(frozen=True)
class Scalar:
    text: str
    line: int
    quoted: bool  # written between quotes: an empty quoted string is still a value

    @property
    def is_null(self) -> bool:
        return not self.quoted and self.text in ("", "~", "null", "Null", "NULL")


@dataclass(frozen=True)
class Mapping:
    line: int
    entries: dict[str, Entry] = field(default_factory=dict)


@dataclass(frozen=True)
class Sequence:
    line: int
    items: list[Node] = field(default_factory=list)


@dataclass(frozen=True)
class Entry:
    key_line: int
    value: Node


Node = Scalar | Mapping | Sequence


def read_record(path: str, shown_path: str) -> tuple[Mapping | None, list[Problem]]:
    """Read one record file into a top-level mapping, or return the problems that prevent it."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return None, [Problem(shown_path, None, "", "file_unreadable", {"reason": error.strerror})]
    if len(raw) > MAX_FILE_BYTES:
        params: dict[str, object] = {"limit_kb": MAX_FILE_BYTES // 1024}
        return None, [Problem(shown_path, None, "", "file_too_large", params)]
    text, problems = _decode(raw, shown_path)
    if text is None:
        return None, problems
    problems += _tab_problems(text, shown_path)
    if problems:
        return None, problems
    return _parse(text, shown_path)


def _decode(raw: bytes, shown_path: str) -> tuple[str | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(shown_path, 1, "", "byte_order_mark", {})]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown_path, line, "", "not_utf8", {})]


def _tab_problems(text: str, shown_path: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(Problem(shown_path, number, "", "tab_indent", {}))
    return problems


# The parser's usual complaints, in our words (French and English) and at the line where the
# mistake is: an unclosed quote where it opened, not where the parser gave up. (context, problem,
# code, whether the line is the context's); the rest keep the parser's English reason.
_SYNTAX_CODES = (
    ("while scanning a quoted scalar", "", "yaml_unclosed_quote", True),
    ("", "mapping values are not allowed", "yaml_colon_in_value", False),
    ("while scanning a simple key", "could not find expected ':'", "yaml_missing_colon", True),
    ("while parsing a flow", "", "yaml_unclosed_bracket", True),
    ("while parsing a block", "did not find expected", "yaml_indentation", False),
)


def _syntax_problem(error: yaml.MarkedYAMLError, shown_path: str) -> Problem:
    context, reason = error.context or "", error.problem or str(error)
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    if "nesting depth" in reason:  # libyaml's own limit, far beyond ours
        return Problem(shown_path, line, "", "too_deep", {"limit": MAX_DEPTH})
    for in_context, in_reason, code, at_context in _SYNTAX_CODES:
        if context.startswith(in_context) and reason.startswith(in_reason):
            opened = error.context_mark if at_context else None
            return Problem(shown_path, opened.line + 1 if opened is not None else line, "", code, {})
    return Problem(shown_path, line, "", "yaml_syntax", {"reason": reason})


def _parse(text: str, shown_path: str) -> tuple[Mapping | None, list[Problem]]:
    try:
        events = list(yaml.parse(text, Loader=_YamlLoader))
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, shown_path)]
    except yaml.YAMLError as error:
        return None, [Problem(shown_path, None, "", "yaml_syntax", {"reason": str(error)})]
    return _TreeBuilder(shown_path).build(events)


class _TreeBuilder:
    """Turns parser events into nodes, collecting every problem on the way."""

    def __init__(self, shown_path: str) -> None:
        self.path = shown_path
        self.problems: list[Problem] = []

    def build(self, events: list[yaml.Event]) -> tuple[Mapping | None, list[Problem]]:
        documents: list[Node] = []
        stack: list[Mapping | Sequence] = []
        pending_keys: list[Scalar | None] = []
        for event in events:
            line = event.start_mark.line + 1 if event.start_mark is not None else 1
            if isinstance(event, yaml.AliasEvent):
                self._problem(line, "yaml_alias", {})
                node: Node = Scalar("", line, quoted=False)
            elif isinstance(event, yaml.ScalarEvent):
                self._check_anchor_and_tag(event, line)
                node = Scalar(event.value, line, quoted=event.style in ("'", '"'))
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self._check_anchor_and_tag(event, line)
                if len(stack) >= MAX_DEPTH:
                    self._problem(line, "too_deep", {"limit": MAX_DEPTH})
                    return None, self.problems
                opened = Mapping(line) if isinstance(event, yaml.MappingStartEvent) else Sequence(line)
                stack.append(opened)
                pending_keys.append(None)
                continue
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                node = stack.pop()
                pending_keys.pop()
            else:
                continue
            if not stack:
                documents.append(node)
            else:
                self._attach(stack[-1], pending_keys, node)
        return self._single_mapping(documents), self.problems

    def _attach(self, parent: Mapping | Sequence, keys: list[Scalar | None], node: Node) -> None:
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = keys[-1]
        if key is None:
            if not isinstance(node, Scalar):
                self._problem(node.line, "complex_key", {})
                node = Scalar("", node.line, quoted=False)
            keys[-1] = node
            return
        keys[-1] = None
        if key.text in parent.entries:
            first = parent.entries[key.text].key_line
            self._problem(key.line, "duplicate_key", {"key": key.text, "first_line": first})
            return
        parent.entries[key.text] = Entry(key.line, node)

    def _check_anchor_and_tag(self, event: yaml.NodeEvent, line: int) -> None:
        if event.anchor is not None:
            self._problem(line, "yaml_anchor", {"anchor": event.anchor})
        tag = getattr(event, "tag", None)  # None unless a tag such as !!python/… was written
        if tag is not None:
            self._problem(line, "yaml_tag", {"tag": tag})

    def _single_mapping(self, documents: list[Node]) -> Mapping | None:
        if not documents or (
            len(documents) == 1 and isinstance(documents[0], Scalar) and documents[0].is_null
        ):
            self._problem(1, "empty_file", {})
            return None
        if len(documents) > 1:
            self._problem(documents[1].line, "several_documents", {})
            return None
        top = documents[0]
        if not isinstance(top, Mapping):
            self._problem(top.line, "top_not_mapping", {})
            return None
        return top

    def _problem(self, line: int | None, code: str, params: dict[str, object]) -> None:
        self.problems.append(Problem(self.path, line, "", code, params))
