"""Shared fixtures: a real build of the sample catalog (once per session), and scratch catalogs
that tests may break on purpose. Photos for scratch catalogs are made here with Pillow."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import REALWORLD, ROOT, Edit, copy_sample_records, remove_known_facts, run_site


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalog of the repository, built for real once per test session."""
    site_dir = tmp_path_factory.mktemp("sample") / "site"
    result = run_site("build", ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="session")
def gaps_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalog with the facts real cooperatives often do not publish taken out of one
    product and its cooperative (``support.remove_known_facts``), built for real."""
    records = copy_sample_records(tmp_path_factory.mktemp("gaps") / "records")
    remove_known_facts(records)
    site_dir = records.parent / "site"
    result = run_site("build", records, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="session")
def realworld_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real-world test catalog (tests/realworld: real cooperatives, public sources), built."""
    site_dir = tmp_path_factory.mktemp("realworld") / "site"
    result = run_site("build", REALWORLD, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


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
