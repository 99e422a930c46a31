"""The preview's insides: a warm ``load_catalog`` is redone when a data file changes (renaming a
category must not leave a "valid" catalog whose pages look up a term that no longer exists), and
the private parts of MkDocs' live-reload server the preview relies on."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from miftah.catalog import loading, taxonomy, yamlnodes
from miftah.publishing import build
from problem_registry import asserted
from support import ROOT


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


def test_a_save_reads_only_the_saved_record_again(
    scratch_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert loading.load_catalog(scratch_catalog).catalog is not None
    read: list[str] = []
    real = yamlnodes.read_record

    def counted(path: str, shown: str) -> Any:
        read.append(shown)
        return real(path, shown)

    monkeypatch.setattr(loading, "read_record", counted)
    record = scratch_catalog / "products" / "saffron-taliouine" / "product.yml"
    text = record.read_text(encoding="utf-8")
    assert "  zh: 塔利温藏红花（西红花）\n" in text
    record.write_text(
        text.replace("  zh: 塔利温藏红花（西红花）\n", "  zh: 塔利温藏红花\n"), encoding="utf-8"
    )
    loaded = loading.load_catalog(scratch_catalog)
    assert read == ["products/saffron-taliouine/product.yml"]
    assert loaded.catalog is not None
    assert loaded.catalog.products["saffron-taliouine"].name.get("zh") == "塔利温藏红花"


def test_a_file_gone_from_a_record_s_folder_is_seen_though_the_record_is_unchanged(
    scratch_catalog: Path,
) -> None:
    assert loading.load_catalog(scratch_catalog).catalog is not None
    (scratch_catalog / "products" / "saffron-taliouine" / "detail.jpg").unlink()
    loaded = loading.load_catalog(scratch_catalog)
    assert [(p.path, p.code) for p in loaded.errors] == [
        ("products/saffron-taliouine/product.yml", "file_missing")
    ]


def load_site_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("site_script", ROOT / "scripts" / "site.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_preview_server_asks_for_a_rebuild_of_a_stale_language(tmp_path: Path) -> None:
    """PreviewServer relies on three private attributes of MkDocs' LiveReloadServer
    (_serve_request, _rebuild_cond, _want_rebuild): this fails when MkDocs renames them."""
    script = load_site_script()
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "index.html").write_text("<html></html>", encoding="utf-8")
    browsed = script.Browsed()
    failure = script.Failure()
    server = script.PreviewServer(
        browsed, failure, builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path)
    )
    try:
        assert browsed.take() == ["zh"]  # the last language asked for; fr and en are now stale
        replies: list[str] = []

        def start_response(status: str, headers: list[tuple[str, str]]) -> None:
            replies.append(status)

        server._serve_request({"PATH_INFO": "/zh/", "REQUEST_METHOD": "GET"}, start_response)
        assert server._want_rebuild is False  # zh is fresh: no rebuild
        server._serve_request({"PATH_INFO": "/fr/", "REQUEST_METHOD": "GET"}, start_response)
        assert server._want_rebuild is True  # fr is stale: rebuild it
        assert browsed.take() == ["zh", "fr"]
        # _inject_js_into_html and _visible_epoch: the failure page reloads by itself
        failure.set("products/x/product.yml:3 › category")
        page = b"".join(server._serve_request({"PATH_INFO": "/en/", "REQUEST_METHOD": "GET"}, start_response))
        assert replies[-1] == "500 Internal Server Error"
        assert b"The preview could not be built" in page and b"livereload" in page
    finally:
        server.server_close()
