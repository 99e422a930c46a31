"""Shared fixtures: a real build of the sample catalog (once per session), and scratch catalogs
that tests may break on purpose. Photos for scratch catalogs are made here with Pillow."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import drills
from support import ROOT, Edit, make_photo, run_site


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalog of the repository, built for real once per test session."""
    site_dir = tmp_path_factory.mktemp("sample") / "site"
    result = run_site("build", ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


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


@pytest.fixture
def edit() -> Edit:
    """Replace one exact piece of text in a record (the test fails if it is not there)."""

    def replace(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not found in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return replace


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the fault drills' results (tests/drills.py) at the end of the session."""
    lines = drills.summary_lines()
    if lines:
        terminalreporter.section("fault drills")
        for line in lines:
            terminalreporter.write_line(line)
