"""Hashes of files remembered from one build to the next, keyed by each file's stat (as git's
index does): an unchanged photo is not read again to find its cache entry (hashing 830 MB of
photos was a second of every warm build at 300 products).

The stat kept is size, modification and change times (nanoseconds) and inode: the change time
moves on every write and cannot be set back by a tool, so an edit that keeps the size and resets
the modification time is still seen. A file whose times are within ``RACY_S`` of the moment it
was hashed is not remembered across builds (a write in the same clock tick would leave its stat
unchanged: git's "racy" entries). The memo lives in the photo cache (``MEMO_FILE``), written
whole in one rename; an unreadable memo is an empty one: it only ever saves reading.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from miftah.media.encoding import write_atomically

MEMO_FILE = "stat-memo.json"
RACY_S = 3.0  # wider than the coarsest file-system clock tick (2 s on FAT)
_VERSION = 1


class StatMemo:
    """Values computed from files (``purpose`` says which), remembered while a file's stat holds."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self._entries: dict[str, list[int | str]] = _read(store)
        self._only_now: set[str] = set()  # racy: good for this process, not written
        self._changed = False

    def value(self, path: Path, purpose: str, compute: Callable[[Path], str]) -> str:
        name = f"{purpose}\0{path.absolute()}"
        before = _signature(path)
        entry = self._entries.get(name)
        if entry is not None and entry[:-1] == before:
            return str(entry[-1])
        value = compute(path)
        if _signature(path) != before:  # written while it was read: nothing to remember
            return value
        self._entries[name] = [*before, value]
        if _racy(before):
            self._only_now.add(name)
        else:
            self._only_now.discard(name)
            self._changed = True
        return value

    def save(self) -> None:
        """Write the remembered values (a failure, e.g. a full disk, only costs reading again)."""
        if not self._changed:
            return
        kept = {name: entry for name, entry in self._entries.items() if name not in self._only_now}
        text = json.dumps({"version": _VERSION, "entries": kept}, separators=(",", ":"))
        with contextlib.suppress(OSError):
            self.store.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.store, text.encode())
            self._changed = False


def _signature(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]


def _racy(signature: list[int]) -> bool:
    newest = max(signature[1], signature[2])
    return time.time_ns() - newest < RACY_S * 1e9


def _read(store: Path) -> dict[str, list[int | str]]:
    try:
        data = json.loads(store.read_bytes())
        entries = data["entries"] if data.get("version") == _VERSION else {}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}
    return entries if isinstance(entries, dict) else {}
