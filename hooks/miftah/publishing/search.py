"""The search index: Pagefind over the finished site, one index per ``<html lang>``.

Pagefind reads the built HTML (only the parts marked ``data-pagefind-body``), segments Chinese
text (the "extended" build), and writes a chunked index that a phone downloads piece by piece.

The pages are given to Pagefind's Python API one by one in sorted order, not as a folder: the
command line reads folders in the file system's order (hash order on ext4, creation order on
tmpfs), and the index it writes depends on that order.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import re
import shutil
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from pagefind.index import IndexConfig
from pagefind.service import PagefindService
from pagefind.service.types import InternalResponseType

from miftah.publishing import searchcache

SEARCH_DIR = "pagefind"
ENTRY_FILE = "pagefind-entry.json"


class SearchIndexError(RuntimeError):
    pass


PAGEFIND_TIMEOUT_S = 600  # ~3 s for 300 products; a hang fails the build instead of blocking it


def index_site(site_dir: Path, cache: Path | None = None) -> None:
    """The index of the pages in ``site_dir`` into its ``pagefind/`` folder (through ``cache``
    when given: the records' ``searchcache.SEARCH_CACHE``)."""
    try:
        run_apart(lambda: asyncio.wait_for(_index_pages(site_dir, cache), PAGEFIND_TIMEOUT_S))
    except OSError:
        raise
    except TimeoutError as error:
        raise SearchIndexError(f"Pagefind did not finish within {PAGEFIND_TIMEOUT_S} s") from error
    except Exception as error:  # the service's own failures: one line
        raise SearchIndexError(f"Pagefind failed: {error}") from error


FINISH_WAIT_S = 60.0
T = TypeVar("T")


def run_apart(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """``asyncio.run`` in a thread of its own: a caller whose thread already runs an event loop
    (Playwright's synchronous API does, for as long as its browser is open) cannot get in the way."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pagefind") as pool:
        return pool.submit(lambda: asyncio.run(make())).result()


def _read_entry(entry: Path) -> dict[str, Any]:
    """The entry file as Pagefind wrote it (read once its writes have landed: ``wait_until_written``)."""
    try:
        data: dict[str, Any] = json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SearchIndexError(f"Pagefind's {entry.name} is unreadable: {error}") from error
    return data


def page_url(relative: str) -> str:
    """The URL Pagefind's command line gives a page: ``zh/products/x/index.html`` → ``/zh/products/x/``."""
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


_HTML_LANG = re.compile(rb"<html[^>]*?\slang=[\"']?([^\"'\s>]*)", re.IGNORECASE)
_BODY_MARK = re.compile(rb"data-pagefind-body[\s=/>]")


def pages_by_language(site_dir: Path) -> dict[str, list[Path]]:
    """The pages Pagefind indexes, sorted, by the language it files them under (``<html lang>``,
    lower-cased; "" without one). Pagefind reads only the pages marked ``data-pagefind-body`` as
    soon as one page of the site is: the others are not sent at all (the listings, the home page)."""
    found: list[tuple[str, bool, Path]] = []
    for page in sorted(site_dir.rglob("*.html")):
        if page.relative_to(site_dir).as_posix().startswith(SEARCH_DIR + "/"):
            continue
        html = page.read_bytes()
        declared = _HTML_LANG.search(html)
        code = declared.group(1).decode("ascii", "replace").lower() if declared else ""
        found.append((code, _marked(html), page))
    marked = any(body for _, body, _ in found)
    groups: dict[str, list[Path]] = {}
    for lang, body, page in found:
        if body or not marked:
            groups.setdefault(lang, []).append(page)
    return groups


def _marked(html: bytes) -> bool:
    """Whether an element of the page carries ``data-pagefind-body``: the attribute's name after a
    space, inside a tag. The literal first, then the tag around it: a pattern starting at each
    "<" took ten times as long (0.2 s of a warm build at 300 products)."""
    for found in _BODY_MARK.finditer(html):
        at = found.start()
        if html[at - 1 : at].isspace() and html.rfind(b"<", 0, at) > html.rfind(b">", 0, at):
            return True
    return False


async def _index_pages(site_dir: Path, cache: Path | None) -> None:
    """One Pagefind process per language, one after the other: Pagefind holds every page it was
    given until it writes (2.4 GB at 3,000 products in one process, 1.4 GB for the Chinese
    pages alone). Each language's index is its own (words, filters, page numbers), so the files
    are the ones a single process writes; only the entry file, rewritten by each run, is merged
    (checked: the same bytes at 300 and 3,000 products). A language whose pages are those of an
    earlier build takes that build's index from ``cache`` (``searchcache``)."""
    output = site_dir / SEARCH_DIR
    languages: dict[str, Any] = {}
    data: dict[str, Any] = {}
    for language, paths in pages_by_language(site_dir).items():
        # Read as they are needed, never held all at once: 105 MB of Chinese pages at 3,000
        # products, beside Pagefind at its peak.
        pages = [(page_url(path.relative_to(site_dir).as_posix()), path) for path in paths]
        key = searchcache.key_of((url, path.read_bytes()) for url, path in pages)
        if cache is None or not searchcache.fetch(cache, language, key, output):
            await _index_language(pages, output, cache, language, key)
        data = _read_entry(output / ENTRY_FILE)
        languages.update(data["languages"])
    if data:
        data["languages"] = dict(sorted(languages.items()))
        _write_entry(output / ENTRY_FILE, data)


async def _index_language(
    pages: list[tuple[str, Path]], output: Path, cache: Path | None, language: str, key: str
) -> None:
    """Pagefind over one language's pages, its files copied into ``output`` (and kept in ``cache``)."""
    with contextlib.ExitStack() as stack:
        written = stack.enter_context(searchcache.fresh_output(cache)) if cache else output
        service = _PromptService()
        await service.launch()
        try:
            index = await service.create_index(IndexConfig())
            for url, path in pages:
                await index.add_html_file(content=path.read_bytes().decode("utf-8"), url=url)
            await index.write_files(output_path=str(written))
            await asyncio.to_thread(wait_until_written, written, service.pid)
            await service.finish()
        finally:
            await service.close()
        if cache is not None:
            shutil.copytree(written, output, dirs_exist_ok=True)
            searchcache.store(cache, language, key, written)


WRITE_WAIT_S = 60.0
# Read by the jemalloc inside Pagefind's binary; a wrong key makes it print to the service's
# reply stream (the build then fails in one line: "its service stopped answering").
JEMALLOC_SETTINGS = "dirty_decay_ms:0,muzzy_decay_ms:0"


def wait_until_written(folder: Path, pid: int | None = None, wait_s: float = WRITE_WAIT_S) -> None:
    """Wait, while the service ``pid`` still runs, until its writes into ``folder`` have landed.

    Pagefind answers "written" once it has created every file and handed the last bytes of each
    to a background write (tokio's ``File::write_all``, never flushed); a service ended before
    those writes ran leaves files empty or cut short for good (an empty entry file, a truncated
    pagefind.js: builds failed on a loaded machine). A background write holds its file open, so
    the writes are done when the service has no file of ``folder`` open (Linux's /proc; elsewhere
    only the empty files are seen: every file Pagefind writes has bytes, a gzip header at least)."""
    deadline = time.monotonic() + wait_s
    while pending := _empty_files(folder) + _open_files(pid, folder):
        if time.monotonic() > deadline:
            raise SearchIndexError(f"Pagefind did not finish writing {len(pending)} files, e.g. {pending[0]}")
        time.sleep(0.05)


def _empty_files(folder: Path) -> list[str]:
    return [path.name for path in folder.rglob("*") if path.is_file() and path.stat().st_size == 0]


def _open_files(pid: int | None, folder: Path) -> list[str]:
    """The files under ``folder`` that process ``pid`` has open ([] where /proc cannot tell)."""
    inside = str(folder.resolve()) + os.sep
    found = []
    with contextlib.suppress(OSError):  # no /proc, or the process is gone
        for descriptor in Path(f"/proc/{pid}/fd").iterdir() if pid is not None else ():
            with contextlib.suppress(OSError):  # closed meanwhile
                target = descriptor.readlink()
                if str(target).startswith(inside):
                    found.append(target.name)
    return found


def _write_entry(entry: Path, data: dict[str, Any]) -> None:
    """Pagefind writes its languages in hash-map order, which changes from run to run; sorted,
    two builds of the same commit are byte-identical (the other index files already are)."""
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


class _PromptService(PagefindService):
    """Pagefind's service client, reading each reply as soon as it arrives.

    The library's reader (pagefind 1.5.2, ``service/__init__.py``) sleeps 0.1 s before reading
    each reply, and pages are sent one at a time to keep their order: 0.1 s per page, 10 s for the
    101 pages of the sample catalog, minutes at 3,000 products. Only that loop is replaced; the
    requests, the process and the errors stay the library's."""

    @property
    def pid(self) -> int:
        return self._backend.pid

    async def launch(self) -> PagefindService:
        """The library's launch, with jemalloc (Pagefind's allocator) told to hand freed pages
        back at once: the peak of the Chinese index at 3,600 pages goes from 1.61 to 1.32 GB
        for 12 % more time (benchmarks/build-performance.md). Pagefind holds every page it was
        given until it writes; each (word, page) pair costs ~600 bytes at the peak."""
        self._backend = await asyncio.create_subprocess_exec(
            self._bin,
            "--service",
            cwd=Path.cwd(),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            limit=2**21,  # the library's: a smaller buffer deadlocks its replies
            env={**os.environ, "_RJEM_MALLOC_CONF": JEMALLOC_SETTINGS},
        )
        self._poll_task = self._loop.create_task(self._wait_for_responses())
        return self

    async def finish(self) -> None:
        """End the service as it expects, by closing its input, and wait until it has exited: it
        answers "written" before its last writes reach the disk, and the library's ``close``
        kills it at once (an empty entry file, once in a while, on a loaded machine)."""
        assert self._backend.stdin is not None
        self._backend.stdin.close()
        await asyncio.wait_for(self._backend.wait(), FINISH_WAIT_S)

    async def close(self) -> None:
        if self._backend.returncode is None:
            await super().close()
        else:
            self._poll_task.cancel()

    async def _wait_for_responses(self) -> None:
        assert self._backend.stdout is not None
        try:
            while True:
                raw = await self._backend.stdout.readuntil(b",")
                reply = json.loads(base64.b64decode(raw[:-1]))
                if reply is not None:
                    self._settle(reply)
        except Exception as error:  # it died or spoke garbage: fail what waits, never hang
            for future in self._responses.values():
                if not future.done():
                    future.set_exception(SearchIndexError(f"its service stopped answering ({error})"))

    def _settle(self, reply: dict[str, Any]) -> None:
        payload = reply["payload"]
        message_id = reply.get("message_id")
        if message_id is None and payload.get("original_message"):  # a request it could not parse
            message_id = json.loads(payload["original_message"]).get("message_id")
        future = self._responses.get(message_id) if message_id is not None else None
        if future is None or future.done():
            return
        if payload["type"] == InternalResponseType.ERROR.value:
            future.set_exception(SearchIndexError(str(payload.get("message"))))
        else:
            future.set_result(payload)
