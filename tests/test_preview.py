"""The preview's memo: a warm ``load_catalog`` is redone when a data file changes (renaming a
category must not leave a "valid" catalog whose pages look up a term that no longer exists)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from miftah import build, loading, taxonomy
from problem_registry import asserted


def test_renaming_a_category_while_the_memo_is_warm(
    scratch_catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(loading.DATA_FOLDER, data)
    monkeypatch.setattr(loading, "DATA_FOLDER", data)
    monkeypatch.setattr(taxonomy, "_FOLDER", data / "taxonomy")
    build.forget_data_files()
    try:
        warm = loading.load_catalog(scratch_catalog)
        assert warm.catalog is not None
        assert loading.load_catalog(scratch_catalog) is warm  # memoised: nothing changed
        categories = data / "taxonomy" / "categories.yml"
        text = categories.read_text(encoding="utf-8")
        assert "\nedible-oils:" in text
        categories.write_text(text.replace("\nedible-oils:", "\nculinary-oils:"), encoding="utf-8")
        build.forget_data_files()  # what the preview server does before each rebuild
        cold = loading.load_catalog(scratch_catalog)
        assert cold is not warm and cold.catalog is None
        assert set(asserted(cold.errors)) == {"unknown_term"}
        assert {problem.field for problem in cold.errors} == {"category"}
    finally:
        monkeypatch.undo()
        build.forget_data_files()
