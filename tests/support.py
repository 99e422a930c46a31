"""Helpers shared by the tests: run the command-line fronts as a maintainer would, edit
records, make photos, find lines."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

Edit = Callable[[Path, str, str], None]


def run_site(command: str, records: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run scripts/site.py as a maintainer would, on the records under ``records``."""
    env = {**os.environ, "MIFTAH_RECORDS": str(records), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "site.py"), command, "--site-dir", str(site_dir), *extra],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def run_check(records: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MIFTAH_RECORDS": str(records), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check.py"), *extra],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def make_photo(
    path: Path, size: tuple[int, int] = (1600, 1200), colour: tuple[int, int, int] = (180, 120, 60)
) -> Path:
    Image.new("RGB", size, colour).save(path, "JPEG", quality=85)
    return path


def line_of(path: Path, needle: str) -> int:
    """The 1-based number of the first line of ``path`` that contains ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not found in {path}")


@contextlib.contextmanager
def small_filesystem(where: Path, size: str, *options: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` (root only; under CI=true a must)."""
    where.mkdir(parents=True, exist_ok=True)
    mount = ["mount", "-t", "tmpfs", "-o", ",".join([f"size={size}", *options]), "tmpfs", str(where)]
    result = subprocess.run(mount, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        message = f"cannot mount a small tmpfs for the ENOSPC drill: {result.stderr.strip()}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)
