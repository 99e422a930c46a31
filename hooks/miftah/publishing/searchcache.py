"""The search-index cache: one language's Pagefind files, kept under the records' ``.cache`` and
keyed by exactly what Pagefind was given (its version, and each page's URL and bytes, in order).

A build whose pages of one language are byte for byte those of an earlier build copies that
language's index instead of running Pagefind again (Pagefind's output depends only on its input:
checked by the reproducible-build test). An entry is written beside its final place and renamed
into it whole, and its manifest holds every file's SHA-256, checked on each use: a cut-short,
emptied or edited entry is a miss, never a wrong index. The cache only ever saves time; failing
to write it costs a warning, not the build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path

log = logging.getLogger("miftah")

SEARCH_CACHE = Path(".cache") / "search"  # under the records' root
MANIFEST = "manifest.json"
KEPT_PER_LANGUAGE = 3  # an edit and its undo both hit, without the cache growing build by build
_FORMAT = "1"  # bump when what an entry holds changes


def key_of(pages: Iterable[tuple[str, bytes]]) -> str:
    """The entry's name for these (URL, HTML) pages, given to Pagefind in this order."""
    digest = hashlib.sha256()
    for part in (_FORMAT, metadata.version("pagefind"), metadata.version("pagefind_bin_extended")):
        digest.update(part.encode() + b"\0")
    for url, html in pages:
        digest.update(url.encode() + b"\0" + len(html).to_bytes(8, "big") + html)
    return digest.hexdigest()[:32]


def _entry(cache: Path, language: str, key: str) -> Path:
    return cache / (language or "_") / key


def fetch(cache: Path, language: str, key: str, output: Path) -> bool:
    """Copy the cached index into ``output``; False (and nothing copied) when there is none or it
    does not match its manifest."""
    entry = _entry(cache, language, key)
    try:
        files = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
        contents = {name: (entry / name).read_bytes() for name in files}
    except (OSError, ValueError):  # no entry, or another build pruned it meanwhile
        return False
    if any(hashlib.sha256(data).hexdigest() != files[name] for name, data in contents.items()):
        log.warning("search cache entry %s is damaged: indexing again", entry)
        shutil.rmtree(entry, ignore_errors=True)
        return False
    with contextlib.suppress(OSError):
        os.utime(entry)  # recently used: the last to be pruned
    for name, data in contents.items():
        target = output / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return True


@contextlib.contextmanager
def fresh_output(cache: Path) -> Iterator[Path]:
    """A scratch folder on the cache's file system for Pagefind to write into (gone afterwards
    unless ``store`` took it)."""
    cache.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="tmp-", dir=cache))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def store(cache: Path, language: str, key: str, written: Path) -> None:
    """Make the index Pagefind wrote into ``written`` the entry for ``key`` (renamed whole), and
    drop the language's oldest entries. A failure only logs: the build has its index already."""
    entry = _entry(cache, language, key)
    try:
        files = {
            path.relative_to(written).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(written.rglob("*"))
            if path.is_file()
        }
        (written / MANIFEST).write_text(json.dumps(files, indent=0), encoding="utf-8")
        entry.parent.mkdir(parents=True, exist_ok=True)
        written.rename(entry)
    except FileExistsError:  # the same index, stored by a build running beside this one
        return
    except OSError as error:
        if entry.is_dir():  # a concurrent build stored it first (rename over a full folder)
            return
        log.warning("search index not cached (%s): the next build indexes %s again", error, language)
        return
    _prune(entry.parent)


def _prune(language_dir: Path) -> None:
    def last_used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:  # pruned by a build running beside this one
            return 0.0

    entries = sorted(language_dir.iterdir(), key=last_used, reverse=True)
    for old in entries[KEPT_PER_LANGUAGE:]:
        shutil.rmtree(old, ignore_errors=True)
