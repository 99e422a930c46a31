"""Shared fixtures: a real build of the sample catalog (once per session), and scratch catalogs
that tests may break on purpose. Photos for scratch catalogs are made here with Pillow."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import drills
from support import LONG_COPIES, REALWORLD, ROOT, Edit, copy_sample_records, remove_known_facts, run_site


def built(records: Path, site_dir: Path) -> Path:
    """``records`` built for real into ``site_dir``, as `make build` does; the test stops if not."""
    result = run_site("build", records, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalog of the repository, built for real once per test session."""
    return built(ROOT, tmp_path_factory.mktemp("sample") / "site")


@pytest.fixture(scope="session")
def gaps_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalog with the facts real cooperatives often do not publish taken out of one
    product and its cooperative (``support.remove_known_facts``), built for real."""
    records = copy_sample_records(tmp_path_factory.mktemp("gaps") / "records")
    remove_known_facts(records)
    return built(records, records.parent / "site")


@pytest.fixture(scope="session")
def realworld_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real-world test catalog (tests/realworld: real cooperatives, public sources), built."""
    return built(REALWORLD, tmp_path_factory.mktemp("realworld") / "site")


@pytest.fixture(scope="session")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalog with carob powder copied LONG_COPIES times: listings of three pages."""
    records = copy_sample_records(tmp_path_factory.mktemp("long") / "records")
    source = records / "products" / "carob-powder"
    for n in range(LONG_COPIES):
        copy = records / "products" / f"carob-powder-{n:02d}"
        shutil.copytree(source, copy)
        path = copy / "product.yml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("featured: true", "featured: false"), "utf-8"
        )
    return built(records, records.parent / "site")


@pytest.fixture
def scratch_catalog(tmp_path: Path) -> Path:
    """A copy of the sample records that a test may edit; photos are small generated JPEGs."""
    return copy_sample_records(tmp_path / "records")


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
