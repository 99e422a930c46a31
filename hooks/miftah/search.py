"""The search index: Pagefind over the finished site, one index per ``<html lang>``.

Pagefind reads the built HTML (only the parts marked ``data-pagefind-body``), segments Chinese
text (the "extended" build), and writes a chunked index that a phone downloads piece by piece.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEARCH_DIR = "pagefind"
ENTRY_FILE = "pagefind-entry.json"


class SearchIndexError(RuntimeError):
    pass


PAGEFIND_TIMEOUT_S = 600  # ~3 s for 300 products; a hang fails the build instead of blocking it


def index_site(site_dir: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        SEARCH_DIR,
        "--silent",
    ]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, check=False, timeout=PAGEFIND_TIMEOUT_S
        )
    except subprocess.TimeoutExpired as error:
        raise SearchIndexError(f"Pagefind did not finish within {PAGEFIND_TIMEOUT_S} s") from error
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed:\n{result.stdout}{result.stderr}")
    _sort_entry(site_dir / SEARCH_DIR / ENTRY_FILE)


def _sort_entry(entry: Path) -> None:
    """Pagefind writes its languages in hash-map order, which changes from run to run; sorted,
    two builds of the same commit are byte-identical (the other index files already are)."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
