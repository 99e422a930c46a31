"""The canonical record layout (``make format``): literal inputs and outputs, every record of the
repository and of the real-world catalog already in it or read back to the same values, comments
kept with their field, and the PR check's message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from miftah.catalog.kinds import Where
from miftah.catalog.schema import COOPERATIVE, PRODUCT, PROGRAMME
from miftah.catalog.yamlnodes import read_record
from miftah.editing import recordformat
from support import ROOT, copy_sample_records

SCHEMAS = {"product": PRODUCT, "cooperative": COOPERATIVE, "programme": PROGRAMME}
PATTERNS = ("products/*/product.yml", "cooperatives/*/cooperative.yml", "programme/programme.yml")
RECORDS = sorted(
    path for pattern in PATTERNS for base in (ROOT, ROOT / "tests/realworld") for path in base.glob(pattern)
)


def kind_of(path: Path) -> str:
    return path.stem


def fmt(text: str, kind: str = "product") -> str:
    return recordformat.format_record(text, kind, SCHEMAS[kind])


def test_layout_of_a_small_record() -> None:
    written = (
        "# a note above the category\n"
        "category: edible-oils\n"
        "cooperative: tifaout-argan\n"
        "hs_code: 1515.90\n"
        "name: {en: Oil, zh: 油, fr: Huile}\n"
        "featured: true\n"
        "certificates:\n  - onssa\n  - bio-ue\n"
        "status: draft # not yet\n"
        "summary:\n  fr: ''\n  zh: '是'\n"
        "trade:\n  pricing:\n    tiers:\n    - price: '48.00'\n      from_quantity: 60\n"
        "description:\n  fr: |\n    Un.\n\n    Deux.\n"
        "# the end\n"
    )
    assert fmt(written) == (
        "# yaml-language-server: $schema=../../schemas/product.schema.json\n"
        "cooperative: tifaout-argan\n"
        "# a note above the category\n"
        "category: edible-oils\n"
        "status: draft # not yet\n"
        "featured: true\n"
        "name:\n  zh: 油\n  fr: Huile\n  en: Oil\n"
        "summary:\n  zh: 是\n"
        "description:\n  fr: |\n    Un.\n\n    Deux.\n"
        'hs_code: "1515.90"\n'
        "trade:\n  pricing:\n    tiers:\n      - from_quantity: 60\n        price: 48.00\n"
        "certificates: [onssa, bio-ue]\n"
        "# the end\n"
    )


@pytest.mark.parametrize(
    ("value", "numeric", "written"),
    [
        ("+212600000001", False, '"+212600000001"'),
        ("no", False, '"no"'),
        ("2026-01-02", False, '"2026-01-02"'),
        ("2026-01-02", True, "2026-01-02"),
        ("~40", True, "~40"),
        ("~", True, '"~"'),
        ("@someone", False, '"@someone"'),
        ("a: b", False, '"a: b"'),
        ("Huile d'argan", False, "Huile d'argan"),
        (" padded", False, '" padded"'),
        ("-9.58", True, "-9.58"),
        ("- x", False, '"- x"'),
    ],
)
def test_scalar_quoting(value: str, numeric: bool, written: str) -> None:
    assert recordformat.scalar(value, numeric) == written


@pytest.mark.parametrize("path", RECORDS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_record_reads_back_the_same(path: Path, tmp_path: Path) -> None:
    """Formatting never changes what the validator reads (values and problems), keeps every
    comment, and formatting twice changes nothing."""
    kind = kind_of(path)
    text = path.read_text(encoding="utf-8")
    canonical = fmt(text, kind)
    assert fmt(canonical, kind) == canonical
    copy = tmp_path / path.name
    copy.write_text(canonical, encoding="utf-8")
    assert _read(path, kind, path.parent) == _read(copy, kind, path.parent)
    comments = [
        line.split("#", 1)[1].strip() for line in text.splitlines()[1:] if line.lstrip().startswith("#")
    ]
    for comment in comments:
        assert comment in canonical


@pytest.mark.parametrize("path", [p for p in RECORDS if "realworld" not in str(p)], ids=str)
def test_repository_records_are_in_the_layout(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert fmt(text, kind_of(path)) == text, "run `make format`"


def test_comments_of_an_emptied_field_move_to_the_next() -> None:
    written = "cooperative: a\n# about the category\ncategory:\nstatus: draft\n"
    assert "# about the category\nstatus: draft" in fmt(written)


def _read(path: Path, kind: str, folder: Path) -> tuple[object, list[tuple[str, str]]]:
    node, problems = read_record(str(path), "record")
    assert node is not None, problems
    where = Where("record", folder, [])
    value = SCHEMAS[kind].convert(node, where)
    return value, sorted((problem.field, problem.code) for problem in where.problems)


def test_check_names_a_record_not_in_the_layout(tmp_path: Path) -> None:
    records = copy_sample_records(tmp_path / "records")
    record = records / "products" / "argan-oil-culinary" / "product.yml"
    record.write_text(record.read_text(encoding="utf-8").replace('hs_code: "1515.90"', "hs_code: '1515.90'"))
    env = {**os.environ, "MIFTAH_RECORDS": str(records), "LANG": "C.UTF-8"}
    command = [sys.executable, str(ROOT / "scripts" / "format.py"), "--check", "--format", "github"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=120)
    assert result.returncode == 1
    assert "products/argan-oil-culinary/product.yml" in result.stdout and "make format" in result.stdout
    subprocess.run(command[:2], env=env, check=True, capture_output=True, timeout=120)
    assert subprocess.run(command[:3], env=env, check=False, capture_output=True, timeout=120).returncode == 0
