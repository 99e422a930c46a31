"""The search index: Pagefind over the finished site, one index per ``<html lang>``.

Pagefind reads the built HTML (only the parts marked ``data-pagefind-body``), segments Chinese
text (the "extended" build), and writes a chunked index that a phone downloads piece by piece.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEARCH_DIR = "pagefind"


class SearchIndexError(RuntimeError):
    pass


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
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed:\n{result.stdout}{result.stderr}")
