"""A record as it was read: its folder, its YAML nodes (for line numbers and what the
contributor wrote) and its converted values. Every rule, the claim guard and the photo checks take
one; it knows nothing of the rules themselves."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from miftah.catalog.kinds import Record
from miftah.catalog.problems import Problem
from miftah.catalog.yamlnodes import Mapping, Node, Scalar, Sequence


@dataclass(frozen=True)
class RawRecord:
    slug: str
    folder: Path
    shown_path: str
    node: Mapping
    values: dict[str, Any]
    schema: Record

    def line_of(self, path: str) -> int:
        """The line of a field given as "trade.pricing" or "certificates[2].valid_until"."""
        return self._walk(path)[1]

    def node_at(self, path: str) -> Node | None:
        """The YAML node written at such a path, or None when it is not there."""
        node, _line, complete = self._walk(path)
        return node if complete else None

    def _walk(self, path: str) -> tuple[Node, int, bool]:
        """As far down ``path`` as the record goes: (node, its line, whether all was found)."""
        node: Node = self.node
        line = self.node.line
        for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
            if part.startswith("[") and isinstance(node, Sequence) and int(part[1:-1]) <= len(node.items):
                node = node.items[int(part[1:-1]) - 1]
                line = node.line
            elif isinstance(node, Mapping) and part in node.entries:
                line = node.entries[part].key_line
                node = node.entries[part].value
            else:
                return node, line, False
        return node, line, True

    def written(self, path: str) -> str:
        """A value as the contributor wrote it, for messages ("~40", not Approx(...))."""
        node = self.node_at(path)
        return node.text if isinstance(node, Scalar) else ""

    def problem(self, field: str, code: str, level: str = "error", **params: Any) -> Problem:
        return Problem(self.shown_path, self.line_of(field), field, code, params, level)
