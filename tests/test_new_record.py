"""`make new-product` / `make new-cooperative` (scripts/new_record.py) as a contributor runs them:
answers typed, piped or given as options; input that ends early gets one line, no traceback;
the skeleton holds only what was answered."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import ROOT

SCRIPT = ROOT / "scripts" / "new_record.py"


def new_record(records: Path, *args: str, answers: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MIFTAH_RECORDS": str(records), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        input=answers,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_input_ending_early_is_one_line_and_writes_nothing(scratch_catalog: Path) -> None:
    result = new_record(scratch_catalog, "cooperative", answers="sidi-ifni-cactus\n仙人掌合作社\n")
    assert result.returncode == 2
    assert result.stderr == (
        "Fin de l'entrée avant la question « Nom / name (fr) » : rien n'a été écrit. / Input ended "
        'before the question "Nom / name (fr)": nothing was written. Give the answers as options '
        "(see --help).\n"
    )
    assert not (scratch_catalog / "cooperatives" / "sidi-ifni-cactus").exists()


def test_options_alone_write_only_what_was_given(scratch_catalog: Path) -> None:
    result = new_record(
        scratch_catalog,
        "product",
        "--no-input",
        "--slug=amlou-tifaout",
        "--name-zh=阿姆卢酱",
        "--name-fr=Amlou",
        "--name-en=Amlou",
        "--cooperative=tifaout-argan",
        "--category=amlou-and-spreads",
    )
    assert result.returncode == 0, result.stderr
    written = (scratch_catalog / "products" / "amlou-tifaout" / "product.yml").read_text(encoding="utf-8")
    values = [
        line.strip()
        for line in written.splitlines()
        if line.strip() and not line.lstrip().startswith("#") and not line.rstrip().endswith(":")
    ]
    assert values == [
        'cooperative: "tifaout-argan"',
        'category: "amlou-and-spreads"',
        'status: "draft"',
        'zh: "阿姆卢酱"',
        'fr: "Amlou"',
        'en: "Amlou"',
    ]
    # what is left to fill in is listed, each as a field that is there but empty
    assert 'The required field "last_verified" is there, but empty.' in result.stdout
    assert "待补充" not in written and "To be completed" not in written


def test_piped_answers_are_read_like_typed_ones(scratch_catalog: Path) -> None:
    names = [
        "阿特拉斯蜂蜜合作社",
        "Coopérative de miel de l'Atlas",
        "Atlas Honey Cooperative",
        "",
    ]  # ar blank
    answers = "\n".join(["atlas-honey", *names, "cooperative", "azilal", ""])
    result = new_record(scratch_catalog, "cooperative", answers=answers)
    assert result.returncode == 0, result.stderr
    written = (scratch_catalog / "cooperatives" / "atlas-honey" / "cooperative.yml").read_text(
        encoding="utf-8"
    )
    assert 'province: "azilal"' in written and 'legal_form: "cooperative"' in written
    assert "\n  ar:" not in written  # the Arabic name was left blank: nothing written
