"""The photo cache as a whole: what it holds, what the catalog still uses, pruning the rest.

Every file of ``.cache/photos`` belongs to one entry, named by its 20-character content key:
``<key>.json`` (the manifest), ``<key>-<width>.<ext>`` (renditions) and
``<key>.inspected-<n>.json`` (a check's verdict), but the file-hash memo (``statmemo``), which
is no entry and is kept. Temporary files (``.tmp-<pid>-…``) belong to a running build, or to a
killed one when their process is gone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from miftah.media import formats, images
from miftah.media.statmemo import MEMO_FILE

_KEY = re.compile(r"^([0-9a-f]{20})[-.]")


@dataclass(frozen=True)
class Usage:
    entries: int  # content keys with at least one file
    files: int
    bytes: int
    unused_entries: int  # keys no image of the catalog has
    unused_bytes: int
    temporary_files: int  # .tmp-* and files of no entry


def _files_by_key(cache_dir: Path) -> dict[str, list[Path]]:
    """Every file of the cache by its entry's key ('' for files of no entry)."""
    found: dict[str, list[Path]] = {}
    for path in sorted(cache_dir.iterdir()) if cache_dir.is_dir() else []:
        if path.is_file() and path.name != MEMO_FILE:
            match = _KEY.match(path.name)
            found.setdefault(match.group(1) if match else "", []).append(path)
    return found


def usage(cache_dir: Path, used_keys: set[str]) -> Usage:
    by_key = _files_by_key(cache_dir)
    loose = by_key.pop("", [])
    unused = [path for key, paths in by_key.items() if key not in used_keys for path in paths]
    every = [path for paths in by_key.values() for path in paths] + loose
    return Usage(
        entries=len(by_key),
        files=len(every),
        bytes=sum(path.stat().st_size for path in every),
        unused_entries=sum(1 for key in by_key if key not in used_keys),
        unused_bytes=sum(path.stat().st_size for path in unused),
        temporary_files=len(loose),
    )


def prune(cache_dir: Path, used_keys: set[str]) -> tuple[int, int]:
    """Remove the entries no image of the catalog uses and the temporary files of finished
    processes; returns (files removed, bytes freed). A running build's files are kept."""
    images.sweep_temporary(cache_dir)
    removed = freed = 0
    for key, paths in _files_by_key(cache_dir).items():
        if key in used_keys:
            continue
        for path in paths:
            if key == "" and path.name.startswith(formats.TEMPORARY_PREFIX):
                continue  # its process still runs (sweep_temporary kept it)
            freed += path.stat().st_size
            path.unlink()
            removed += 1
    return removed, freed
