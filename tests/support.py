"""Helpers shared by the tests: run the command-line fronts as a maintainer would, edit
records, make photos, find lines."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

Edit = Callable[[Path, str, str], None]
SCRIPT_TIMEOUT_S = 600  # a build or check that hangs fails its test instead of the whole suite


def run_site(command: str, records: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run scripts/site.py as a maintainer would, on the records under ``records``."""
    env = {**os.environ, "MIFTAH_RECORDS": str(records), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "site.py"), command, "--site-dir", str(site_dir), *extra],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=SCRIPT_TIMEOUT_S,
    )


def run_check(records: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MIFTAH_RECORDS": str(records), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check.py"), *extra],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=SCRIPT_TIMEOUT_S,
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


RECORD_FOLDERS = ("products", "cooperatives", "programme")
LONG_COPIES = 57  # copies of one product in the long catalog: three listing pages of 24
REALWORLD = ROOT / "tests" / "realworld"  # real cooperatives from public sources (tests only)


def copy_sample_records(records: Path) -> Path:
    """A copy of the repository's records (photos replaced by small generated JPEGs)."""
    for collection in RECORD_FOLDERS:
        shutil.copytree(ROOT / collection, records / collection, ignore=shutil.ignore_patterns("*.jpg"))
    for folder in (records / "products").iterdir():
        for name in ("main.jpg", "detail.jpg"):
            make_photo(folder / name)
    return records


GAPS_PRODUCT = "argan-oil-culinary"
GAPS_COOPERATIVE = "tifaout-argan"


def remove_known_facts(records: Path) -> None:
    """Take from a copy of the sample records what real cooperatives often do not publish: the
    culinary argan oil loses its photos, MOQ, price, lead times, samples, China answers and
    origin; its cooperative (Tifaout) loses its contacts and its place."""
    product = records / "products" / GAPS_PRODUCT / "product.yml"
    text = product.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^photos:.*\Z", "", text)
    text = re.sub(r"(?ms)^  moq:\n.*?(?=^  samples:)", "", text)
    text = re.sub(r"(?ms)^  samples:.*?(?=^  supply_capacity:)", "", text)
    text = re.sub(r"(?ms)^  lead_times:.*?(?=^  incoterms:)", "", text)
    text = re.sub(r"(?ms)^  # Indicative prices only.*?(?=^certificates:)", "", text)
    text = re.sub(r"(?ms)^china_market:.*?(?=^\S|\Z)", "", text)
    text = text.replace("  region: marrakech-safi\n  province: essaouira\n", "")
    product.write_text(text, encoding="utf-8")
    for photo in product.parent.glob("*.jpg"):
        photo.unlink()
    cooperative = records / "cooperatives" / GAPS_COOPERATIVE / "cooperative.yml"
    text = cooperative.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^# The first contact is the main one\.\ncontacts:.*\Z", "", text)
    text = text.replace("region: marrakech-safi\nprovince: essaouira\ncommune: ounagha\n", "")
    cooperative.write_text(text, encoding="utf-8")
    (cooperative.parent / "wechat-qr.png").unlink()


NOV_29_2026 = "1795910400"  # SOURCE_DATE_EPOCH of the day the rules tests are written for


def messages(records: Path, lang: str = "en") -> list[str]:
    """Every problem of a catalog as a contributor reads it."""
    from miftah.catalog.loading import load_catalog
    from miftah.catalog.problems import format_problem

    return [format_problem(problem, lang) for problem in load_catalog(records).problems]


def at(records: Path, path: str, needle: str) -> str:
    """ "file:line" of the first line of a record holding ``needle``."""
    return f"{path}:{line_of(records / path, needle)}"


@contextlib.contextmanager
def small_filesystem(where: Path, size: str, *options: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` (root only; under CI=true a must)."""
    where.mkdir(parents=True, exist_ok=True)
    mount = ["mount", "-t", "tmpfs", "-o", ",".join([f"size={size}", *options]), "tmpfs", str(where)]
    result = subprocess.run(mount, capture_output=True, text=True, check=False, timeout=60)
    if result.returncode != 0:
        message = f"cannot mount a small tmpfs for the ENOSPC drill: {result.stderr.strip()}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True, timeout=60)
