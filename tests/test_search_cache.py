"""The search-index cache against the real Pagefind: a language whose pages did not change gets
the same bytes without Pagefind, a changed language is indexed again, and a damaged entry is a
miss that is replaced, never a wrong index."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from miftah.publishing import search, searchcache

PAGES = {"zh": ("zh-Hans", "阿甘油"), "fr": ("fr", "huile d'argan"), "en": ("en", "argan oil")}


def _site(folder: Path, words: dict[str, str] | None = None) -> Path:
    for code, (lang, text) in PAGES.items():
        page = folder / code / "a" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        body = (words or {}).get(code, text)
        page.write_text(
            f'<html lang="{lang}"><body><main data-pagefind-body><h1>{body}</h1></main></body></html>',
            encoding="utf-8",
        )
    return folder


def _files(site: Path) -> dict[str, bytes]:
    output = site / search.SEARCH_DIR
    return {
        path.relative_to(output).as_posix(): path.read_bytes() for path in output.rglob("*") if path.is_file()
    }


def _entries(cache: Path) -> dict[str, int]:
    return {language.name: len(list(language.iterdir())) for language in cache.iterdir() if language.is_dir()}


def _no_pagefind(monkeypatch: pytest.MonkeyPatch) -> None:
    async def refuse(*_args: Any) -> None:
        raise AssertionError("Pagefind ran")

    monkeypatch.setattr(search, "_index_language", refuse)


def test_unchanged_pages_get_the_same_index_without_pagefind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    uncached = _site(tmp_path / "plain")
    search.index_site(uncached)
    first = _site(tmp_path / "first")
    search.index_site(first, cache)
    assert _files(first) == _files(uncached)
    assert _entries(cache) == {"zh-hans": 1, "fr": 1, "en": 1}

    _no_pagefind(monkeypatch)
    second = _site(tmp_path / "second")
    search.index_site(second, cache)
    assert _files(second) == _files(uncached)


def test_only_the_language_that_changed_is_indexed_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    search.index_site(_site(tmp_path / "first"), cache)
    changed = _site(tmp_path / "second", {"fr": "huile de figue de Barbarie"})
    search.index_site(changed, cache)
    assert _entries(cache) == {"zh-hans": 1, "fr": 2, "en": 1}
    plain = _site(tmp_path / "plain", {"fr": "huile de figue de Barbarie"})
    search.index_site(plain)
    assert _files(changed) == _files(plain)


def test_a_damaged_entry_is_indexed_again_and_replaced(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    first = _site(tmp_path / "first")
    search.index_site(first, cache)
    (entry,) = (cache / "fr").iterdir()
    fragment = next((entry / "fragment").iterdir())
    fragment.write_bytes(fragment.read_bytes()[:5])  # cut short, as by a full disk or a kill
    second = _site(tmp_path / "second")
    with caplog.at_level(logging.WARNING, logger="miftah"):
        search.index_site(second, cache)
    assert _files(second) == _files(first)
    assert caplog.messages == [f"search cache entry {entry} is damaged: indexing again"]
    assert searchcache.fetch(cache, "fr", entry.name, tmp_path / "third")


def test_old_entries_are_pruned_to_the_last_used(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for n in range(searchcache.KEPT_PER_LANGUAGE + 2):
        search.index_site(_site(tmp_path / f"site{n}", {"en": f"argan oil {n}"}), cache)
    assert _entries(cache)["en"] == searchcache.KEPT_PER_LANGUAGE
    assert not [path for path in cache.iterdir() if path.name.startswith("tmp-")]
