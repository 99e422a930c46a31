"""The search index: Pagefind over the finished site, one index per ``<html lang>``.

Pagefind reads the built HTML (only the parts marked ``data-pagefind-body``), segments Chinese
text (the "extended" build), and writes a chunked index that a phone downloads piece by piece.

The pages are given to Pagefind's Python API one by one in sorted order, not as a folder: the
command line reads folders in the file system's order (hash order on ext4, creation order on
tmpfs), and the index it writes depends on that order.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

from pagefind.index import IndexConfig, PagefindIndex

SEARCH_DIR = "pagefind"
ENTRY_FILE = "pagefind-entry.json"


class SearchIndexError(RuntimeError):
    pass


PAGEFIND_TIMEOUT_S = 600  # ~3 s for 300 products; a hang fails the build instead of blocking it


def index_site(site_dir: Path) -> None:
    try:
        asyncio.run(asyncio.wait_for(_index_pages(site_dir), PAGEFIND_TIMEOUT_S))
    except OSError:
        raise
    except TimeoutError as error:
        raise SearchIndexError(f"Pagefind did not finish within {PAGEFIND_TIMEOUT_S} s") from error
    except Exception as error:  # the service's own failures: one line
        raise SearchIndexError(f"Pagefind failed: {error}") from error
    _sort_entry(site_dir / SEARCH_DIR / ENTRY_FILE)


ENTRY_WAIT_S = 10.0


def _read_entry(entry: Path) -> dict[str, Any]:
    """The entry file as Pagefind wrote it. On a loaded machine a preview build once read it
    empty (JSONDecodeError) right after the service answered "written": it is read again for a
    few seconds before the build fails, in one line."""
    deadline = time.monotonic() + ENTRY_WAIT_S
    while True:
        try:
            data: dict[str, Any] = json.loads(entry.read_text(encoding="utf-8"))
            return data
        except (OSError, ValueError) as error:
            if time.monotonic() > deadline:
                raise SearchIndexError(f"Pagefind's {entry.name} is unreadable: {error}") from error
            time.sleep(0.2)


def page_url(relative: str) -> str:
    """The URL Pagefind's command line gives a page: ``zh/products/x/index.html`` → ``/zh/products/x/``."""
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


async def _index_pages(site_dir: Path) -> None:
    config = IndexConfig(output_path=str(site_dir / SEARCH_DIR))
    async with PagefindIndex(config=config) as index:
        for page in sorted(site_dir.rglob("*.html")):
            relative = page.relative_to(site_dir).as_posix()
            if relative.startswith(SEARCH_DIR + "/"):
                continue
            await index.add_html_file(content=page.read_text("utf-8"), url=page_url(relative))


def _sort_entry(entry: Path) -> None:
    """Pagefind writes its languages in hash-map order, which changes from run to run; sorted,
    two builds of the same commit are byte-identical (the other index files already are)."""
    data = _read_entry(entry)
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
