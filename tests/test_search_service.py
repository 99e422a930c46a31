"""The search index as Pagefind writes it: the service client of miftah.publishing.search against the real
Pagefind binary, and the fields a built page gives it."""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from pagefind.index import IndexConfig

from miftah.publishing.search import (
    ENTRY_FILE,
    SearchIndexError,
    _PromptService,
    index_site,
    pages_by_language,
    run_apart,
    wait_until_written,
)

Steps = Callable[[Any, Any], Awaitable[Any]]


async def _session(steps: Steps) -> Any:
    service = await _PromptService().launch()
    try:
        index = await service.create_index(IndexConfig())
        return await steps(service, index)
    finally:
        service._backend.kill()
        await service._backend.wait()


def run(steps: Steps) -> Any:
    return run_apart(lambda: asyncio.wait_for(_session(steps), 20))


def test_a_page_is_indexed_and_answered() -> None:
    async def steps(service: Any, index: Any) -> Any:
        return await index.add_html_file(content="<html><body><p>阿甘油</p></body></html>", url="/x/")

    reply = run(steps)
    assert reply["type"] == "IndexedFile"
    assert reply["page_word_count"] > 0


def test_pagefind_s_allocator_hands_freed_memory_back_at_once() -> None:
    async def steps(service: Any, index: Any) -> Any:
        return Path(f"/proc/{service.pid}/environ").read_bytes().split(b"\0")

    environment = run(steps)
    assert b"_RJEM_MALLOC_CONF=dirty_decay_ms:0,muzzy_decay_ms:0" in environment


def test_an_error_of_the_service_is_the_error_of_the_page() -> None:
    async def steps(service: Any, index: Any) -> Any:
        await index.add_html_file(content="<html></html>", url=None, source_path=None)

    with pytest.raises(SearchIndexError, match=r"^Either source_path or url must be provided$"):
        run(steps)


def test_a_garbled_reply_fails_the_waiting_page_instead_of_hanging() -> None:
    async def steps(service: Any, index: Any) -> Any:
        service._backend.stdin.write(b"bm90IGpzb24=,")  # "not json": the service echoes it back
        await service._backend.stdin.drain()
        await index.add_html_file(content="<html><body><p>x</p></body></html>", url="/x/")

    with pytest.raises(SearchIndexError, match=r"^its service stopped answering \("):
        run(steps)


def _fragments(site: Path) -> dict[str, dict[str, Any]]:
    """Every page's fragment as Pagefind wrote it (gzip, then a signature before the JSON)."""
    found = {}
    for path in (site / "pagefind" / "fragment").iterdir():
        raw = gzip.decompress(path.read_bytes())
        fragment = json.loads(raw[raw.index(b"{") :])
        found[fragment["url"]] = fragment
    return found


def test_each_search_field_reaches_the_index_as_its_own_field(sample_site: Path) -> None:
    """Pagefind reads "key:value" to the end of the attribute: two fields in one attribute would
    become one, and the search page's weights (names above keywords above text) would not apply."""
    fragments = _fragments(sample_site)
    argan = fragments["/zh/products/argan-oil-culinary/"]["meta"]
    assert {"name", "keywords"} <= set(argan)
    assert "keywords:" not in argan["name"] and "阿甘油" in argan["name"].split()
    assert "索维拉" in argan["keywords"].split()
    cooperative = fragments["/zh/cooperatives/tifaout-argan/"]["meta"]
    assert {"cooperative", "cooperative_keywords"} <= set(cooperative)
    assert "name" not in cooperative and "keywords" not in cooperative


def _page(site: Path, relative: str, lang: str | None, body: bool, text: str = "text") -> None:
    page = site / relative
    page.parent.mkdir(parents=True, exist_ok=True)
    lang_attr = f' lang="{lang}"' if lang is not None else ""
    marked = " data-pagefind-body" if body else ""
    page.write_text(f"<!doctype html><html{lang_attr}><body><main{marked}><p>{text}</p></main></body></html>")


def test_pages_are_grouped_by_their_index_language_and_unmarked_pages_left_out(tmp_path: Path) -> None:
    _page(tmp_path, "zh/b/index.html", "zh-Hans", True)
    _page(tmp_path, "zh/a/index.html", "zh-Hans", True)
    _page(tmp_path, "fr/a/index.html", "FR", True)
    _page(tmp_path, "zh/products/index.html", "zh-Hans", False)  # a listing: Pagefind skips it
    _page(tmp_path, "index.html", "zh-Hans", False)
    _page(tmp_path, "pagefind/x.html", "zh-Hans", True)  # Pagefind's own files: never pages
    # "data-pagefind-body" as text is no mark
    _page(tmp_path, "en/a/index.html", "en", False, "data-pagefind-body x")
    groups = pages_by_language(tmp_path)
    assert {code: [p.relative_to(tmp_path).as_posix() for p in pages] for code, pages in groups.items()} == {
        "fr": ["fr/a/index.html"],
        "zh-hans": ["zh/a/index.html", "zh/b/index.html"],
    }


def test_without_any_marked_page_every_page_is_sent(tmp_path: Path) -> None:
    _page(tmp_path, "a.html", "en", False)
    _page(tmp_path, "b.html", None, False)
    groups = pages_by_language(tmp_path)
    assert {code: [p.name for p in pages] for code, pages in groups.items()} == {
        "en": ["a.html"],
        "": ["b.html"],
    }


def test_one_index_per_language_and_one_entry_listing_them_all(tmp_path: Path) -> None:
    _page(tmp_path, "zh/a/index.html", "zh-Hans", True, "阿甘油")
    _page(tmp_path, "fr/a/index.html", "fr", True, "huile d'argan")
    _page(tmp_path, "en/a/index.html", "en", True, "argan oil")
    _page(tmp_path, "en/products/index.html", "en", False, "argan oil")
    index_site(tmp_path)
    entry = json.loads((tmp_path / "pagefind" / ENTRY_FILE).read_text("utf-8"))
    assert list(entry["languages"]) == ["en", "fr", "zh-hans"]
    assert {code: language["page_count"] for code, language in entry["languages"].items()} == {
        "en": 1,
        "fr": 1,
        "zh-hans": 1,
    }
    for language in entry["languages"].values():
        assert (tmp_path / "pagefind" / f"pagefind.{language['hash']}.pf_meta").is_file()
    assert set(_fragments(tmp_path)) == {"/zh/a/", "/fr/a/", "/en/a/"}


def test_the_index_is_left_only_once_pagefind_has_written_every_file(tmp_path: Path) -> None:
    """Pagefind answers "written" before the bytes of its last writes reach its files."""
    (tmp_path / "fragment").mkdir()
    late = tmp_path / "fragment" / "x.pf_fragment"
    late.write_bytes(b"")
    (tmp_path / ENTRY_FILE).write_text("{}", encoding="utf-8")
    writer = threading.Timer(0.3, late.write_bytes, (b"pagefind_dcd",))
    writer.start()
    wait_until_written(tmp_path)
    assert late.read_bytes() == b"pagefind_dcd"


def test_a_file_left_empty_fails_the_search_step_in_one_line(tmp_path: Path) -> None:
    (tmp_path / ENTRY_FILE).write_bytes(b"")
    with pytest.raises(
        SearchIndexError, match=r"^Pagefind did not finish writing 1 files, e.g. pagefind-entry.json$"
    ):
        wait_until_written(tmp_path, wait_s=0.2)


def test_a_file_the_service_still_has_open_is_waited_for(tmp_path: Path) -> None:
    (tmp_path / ENTRY_FILE).write_text("{}", encoding="utf-8")
    with (
        (tmp_path / ENTRY_FILE).open("a", encoding="utf-8"),  # this process stands for the service
        pytest.raises(SearchIndexError, match=r"^Pagefind did not finish writing 1 files"),
    ):
        wait_until_written(tmp_path, os.getpid(), wait_s=0.2)
    wait_until_written(tmp_path, os.getpid(), wait_s=0.2)
    wait_until_written(tmp_path, 2**22 + 1, wait_s=0.2)  # no such process: nothing open


def test_the_index_is_made_even_where_an_event_loop_is_running(tmp_path: Path) -> None:
    """The browser tests' Playwright session keeps an event loop running in the main thread for
    the whole test session; a build in the same process must still index."""
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "index.html").write_text(
        '<html lang="zh-Hans"><body><main data-pagefind-body><h1>阿甘油</h1></main></body></html>',
        encoding="utf-8",
    )

    async def inside_a_running_loop() -> None:
        index_site(tmp_path)

    # a thread of its own, so that the test is the same whether or not this one runs a loop
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, inside_a_running_loop()).result()
    assert (tmp_path / "pagefind" / ENTRY_FILE).is_file()
