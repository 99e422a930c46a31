"""Shared fixtures: a real build of the sample catalog (once per session), and scratch catalogs
that tests may break on purpose. Photos for scratch catalogs are made here with Pillow."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))


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


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalog of the repository, built for real once per test session."""
    site_dir = tmp_path_factory.mktemp("sample") / "site"
    result = run_site("build", ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def make_photo(
    path: Path, size: tuple[int, int] = (1600, 1200), colour: tuple[int, int, int] = (180, 120, 60)
) -> Path:
    Image.new("RGB", size, colour).save(path, "JPEG", quality=85)
    return path


@pytest.fixture
def scratch_catalog(tmp_path: Path) -> Path:
    """A copy of the sample records that a test may edit; photos are small generated JPEGs."""
    records = tmp_path / "records"
    for collection in ("products", "cooperatives"):
        shutil.copytree(ROOT / collection, records / collection, ignore=shutil.ignore_patterns("*.jpg"))
    for folder in (records / "products").iterdir():
        for name in ("main.jpg", "detail.jpg"):
            make_photo(folder / name)
    return records


Edit = Callable[[Path, str, str], None]


@pytest.fixture
def edit() -> Edit:
    """Replace one exact piece of text in a record (the test fails if it is not there)."""

    def replace(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not found in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return replace


def line_of(path: Path, needle: str) -> int:
    """The 1-based number of the first line of ``path`` that contains ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not found in {path}")
