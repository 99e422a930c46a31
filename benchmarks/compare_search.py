"""Benchmark the two candidate search engines on the sample catalog and print a comparison table.

Engines compared:

* ``pagefind``: the current setup (``miftah.publishing.search``, Pagefind over the whole built site, the
  ``pagefind-ui`` page at ``/<lang>/search/``);
* ``material``: Material for MkDocs' built-in ``search`` plugin (lunr in a web worker, the search
  box in the header), enabled per language in temporary copies of ``mkdocs.yml`` written to the
  work folder; Chinese uses ``lang: zh``, the separator ``[\\s\\u200b\\-]`` and jieba (which must be
  installed in the venv: ``pip install jieba==0.42.1``, it is not in the lock);
* ``material-body``: the same plugin fed the text of each page's ``data-pagefind-body`` element
  (what a hook would have to do, since the plugin only indexes the Markdown of a page and the
  catalog pages carry nothing but their ``# title`` there).

Each site is served on 127.0.0.1 by a small HTTP server that gzips text responses (html, css,
js, json, svg, xml) the way static hosts do, and counts the bytes it sends (bodies as sent,
headers excluded). Headless Chromium (Debian's ``/usr/bin/chromium`` through Playwright) opens a
page, types each query and reads the results the engine's own interface shows.

Usage, from the repository root (photos must exist, or point ``MIFTAH_RECORDS`` at a copy)::

    .venv/bin/python benchmarks/compare_search.py [--work DIR] [--keep]

This is a benchmark that prints a table, not a test: nothing fails when a query misses.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html.parser
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.commands.build import build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.utils.yaml import get_yaml_loader  # noqa: E402

from miftah.catalog.loading import Loaded  # noqa: E402
from miftah.languages import CODES  # noqa: E402
from miftah.publishing import site  # noqa: E402
from miftah.publishing.build import build_site  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
BASE_URL = "https://miftah-souk.github.io/catalog/"
ZH_SEPARATOR = r"[\s\u200b\-]"
GZIP_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
TIMEOUT_MS = 15_000
REPEATS = 3  # index timings: best of this many runs


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    expected: tuple[str, ...]  # page paths below /<lang>/; any of them counts as a match
    note: str


QUERIES: tuple[Query, ...] = (
    Query("zh", "坚果油", ("products/argan-oil-culinary/", "products/argan-oil-cosmetic/"), "argan oil"),
    Query("zh", "藏红花", ("products/saffron-taliouine/",), "saffron"),
    Query("zh", "合作社", ("cooperatives/",), "cooperatives"),
    Query(
        "zh",
        "油",
        ("products/argan-oil-culinary/", "products/argan-oil-cosmetic/", "products/prickly-pear-seed-oil/"),
        "1 char: oil",
    ),
    Query("zh", "花", ("products/saffron-taliouine/",), "1 char: flower (saffron)"),
    Query("zh", "松露", ("products/desert-truffle/",), "2 chars: truffle"),
    Query("zh", "角豆", ("products/carob-powder/",), "2 chars: carob"),
    Query("fr", "safran", ("products/saffron-taliouine/",), "saffron"),
    Query("en", "saffron", ("products/saffron-taliouine/",), "saffron"),
)


# --- serving -------------------------------------------------------------------------------------


@dataclass
class Sent:
    path: str
    raw: int
    sent: int


@dataclass
class Traffic:
    """What the server sent, in order; a lock because the server answers on several threads."""

    log: list[Sent] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def mark(self) -> int:
        with self.lock:
            return len(self.log)

    def since(self, mark: int) -> list[Sent]:
        with self.lock:
            return list(self.log[mark:])


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it and the type is text; counts bodies."""

    traffic: Traffic

    def __init__(self, *args: Any, traffic: Traffic, **kwargs: Any) -> None:
        self.traffic = traffic
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                super().do_GET()  # the redirect to the folder's slash URL
                return
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        raw = path.read_bytes()
        body = raw
        use_gzip = path.suffix in GZIP_TYPES and "gzip" in self.headers.get("Accept-Encoding", "")
        if use_gzip:
            body = gzip.compress(raw, compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        if use_gzip:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)
        with self.traffic.lock:
            self.traffic.log.append(Sent(self.path, len(raw), len(body)))

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[tuple[str, Traffic]]:
    traffic = Traffic()
    handler = functools.partial(CountingHandler, directory=str(directory), traffic=traffic)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", traffic
    finally:
        server.shutdown()
        server.server_close()


# --- building ------------------------------------------------------------------------------------


def records_root() -> Path:
    return site.records_root(ROOT)


def build_pagefind_site(out: Path) -> None:
    env = {**os.environ, "MIFTAH_RECORDS": str(records_root())}
    command = [sys.executable, str(ROOT / "scripts" / "site.py"), "build", "--site-dir", str(out)]
    subprocess.run(command, env=env, check=True, capture_output=True, text=True, timeout=600)


def time_pagefind(site_dir: Path) -> float:
    """Best wall time of Pagefind indexing the whole built site (three languages)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind"]
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        subprocess.run([*command, "--silent"], check=True, capture_output=True, timeout=600)
        best = min(best, time.perf_counter() - started)
    return best


def material_config(lang: str, folder: Path) -> Path:
    """A copy of mkdocs.yml for one language with Material's search plugin enabled."""
    os.environ["MIFTAH_BUILD_LANG"] = lang
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config: dict[str, Any] = yaml.load(text, Loader=get_yaml_loader())  # resolves the !ENV tags
    config["docs_dir"] = str(ROOT / config["docs_dir"])
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    config["watch"] = [str(ROOT / watched) for watched in config.get("watch", [])]
    search: dict[str, Any] = {"lang": lang}
    if lang == "zh":
        search["separator"] = ZH_SEPARATOR
    config["plugins"] = [{"search": search}, *config["plugins"]]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["reconfigure_search"] = False  # lang is set per build above
    path = folder / f"mkdocs.{lang}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@dataclass
class PluginClock:
    """Time spent inside Material's search plugin events (jieba's dictionary load included)."""

    seconds: float = 0.0

    @contextmanager
    def installed(self) -> Iterator[None]:
        from material.plugins.search.plugin import SearchPlugin  # type: ignore[import-untyped]

        originals = {
            name: getattr(SearchPlugin, name) for name in ("on_config", "on_page_context", "on_post_build")
        }

        def timed(method: Callable[..., Any]) -> Callable[..., Any]:
            @functools.wraps(method)
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                started = time.perf_counter()
                try:
                    return method(*args, **kwargs)
                finally:
                    self.seconds += time.perf_counter() - started

            return wrapper

        for name, method in originals.items():
            setattr(SearchPlugin, name, timed(method))
        try:
            yield
        finally:
            for name, method in originals.items():
                setattr(SearchPlugin, name, method)


def build_material_site(out: Path, config_dir: Path, clock: PluginClock) -> None:
    def render_language(code: str, out_dir: Path, site_url: str) -> None:
        config = load_config(str(material_config(code, config_dir)), site_dir=str(out_dir), site_url=site_url)
        mkdocs_build(config)
        for leftover in ("sitemap.xml", "sitemap.xml.gz"):
            (out_dir / leftover).unlink(missing_ok=True)

    os.environ["MIFTAH_RECORDS"] = str(records_root())
    with clock.installed():
        result = build_site(records_root(), out, BASE_URL, render_language)
    if isinstance(result, Loaded):
        raise SystemExit("the records have errors: run scripts/check.py")


class BodyText(html.parser.HTMLParser):
    """The inner HTML of the first ``data-pagefind-body`` element and the page's <h1> text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag not in VOID
            self.parts.append(self.get_starttag_text() or "")
        elif any(name == "data-pagefind-body" for name, _ in attrs):
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            self.depth -= 1
            if self.depth:
                self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(html.escape(data))


VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class FakePage:
    """What Material's SearchIndex reads from a page."""

    content: str
    url: str
    title: str
    toc: list[Any] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


def reindex_material_bodies(site_dir: Path) -> float:
    """Rewrite each language's search_index.json from the pages' ``data-pagefind-body`` HTML."""
    from material.plugins.search.plugin import SearchIndex

    started = time.perf_counter()
    for lang in CODES:
        index_path = site_dir / lang / "search" / "search_index.json"
        old = json.loads(index_path.read_text(encoding="utf-8"))
        index = SearchIndex(**old["config"])
        for page_file in sorted((site_dir / lang).rglob("index.html")):
            parser = BodyText()
            parser.feed(page_file.read_text(encoding="utf-8"))
            if not parser.parts:
                continue
            url = page_file.parent.relative_to(site_dir / lang).as_posix()
            url = "" if url == "." else url + "/"
            title = next((e["title"] for e in old["docs"] if e["location"] == url), url)
            index.add_entry_from_context(FakePage("".join(parser.parts), url, title, meta={"title": title}))
        index_path.write_text(index.generate_search_index(None), encoding="utf-8")
    return time.perf_counter() - started


# --- sizes ---------------------------------------------------------------------------------------


def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def index_files(engine: str, site_dir: Path, lang: str) -> list[Path]:
    """The files one language's search needs beyond the page itself."""
    if engine == "pagefind":
        folder = site_dir / "pagefind"
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        key = next(k for k in entry["languages"] if k.split("-")[0] == lang)
        info = entry["languages"][key]
        own = [p for p in (folder / "index").iterdir() if p.name.startswith(key + "_")]
        own += [p for p in (folder / "fragment").iterdir() if p.name.startswith(key + "_")]
        own += [
            folder / f"pagefind.{info['hash']}.pf_meta",
            folder / f"wasm.{info['wasm'] or 'unknown'}.pagefind",
        ]
        return own
    return [site_dir / lang / "search" / "search_index.json"]


def size_label(files: list[Path]) -> str:
    raw = sum(p.stat().st_size for p in files)
    return f"{raw / 1024:.1f}/{sum(gz_size(p) for p in files) / 1024:.1f}"


# --- browsing ------------------------------------------------------------------------------------


@dataclass
class Outcome:
    query: Query
    urls: list[str]
    count_text: str

    @property
    def matched(self) -> bool:
        return any(
            url.startswith(f"/{self.query.lang}/{e}") for url in self.urls for e in self.query.expected
        )

    @property
    def same_language(self) -> bool:
        return all(url.startswith(f"/{self.query.lang}/") for url in self.urls)

    def cell(self) -> str:
        if not self.urls:
            return "no (0)"
        rank = next(
            (
                i
                for i, u in enumerate(self.urls, 1)
                if any(u.startswith(f"/{self.query.lang}/{e}") for e in self.query.expected)
            ),
            None,
        )
        mark = f"yes #{rank}" if rank else "no"
        return f"{mark} ({len(self.urls)}){'' if self.same_language else ' OTHER-LANG'}"


@dataclass(frozen=True)
class Ui:
    """How to drive one engine's interface."""

    page: str  # page to open, below /<lang>/
    input: str
    result_link: str
    message: str
    more_button: str | None


PAGEFIND_UI = Ui(
    "search/",
    ".pagefind-ui__search-input",
    ".pagefind-ui__result-link",
    ".pagefind-ui__message",
    ".pagefind-ui__button",
)
MATERIAL_UI = Ui("", "input.md-search__input", "a.md-search-result__link", ".md-search-result__meta", None)


def local_path(href: str) -> str:
    path = "/" + href.split("://", 1)[-1].split("/", 1)[-1]
    return path.split("#")[0].split("?")[0]


def wait_for_answer(page: Any, ui: Ui, before: str) -> None:
    """Until the engine has answered: Pagefind names the query in its message, Material changes its."""
    page.wait_for_function(
        """([sel, before]) => { const m = document.querySelector(sel);
             return m && m.textContent.trim() !== '' && m.textContent !== before; }""",
        arg=[ui.message, before],
        timeout=TIMEOUT_MS,
    )
    page.wait_for_timeout(400)  # let the list finish rendering (fragments, batches)


def run_query(page: Any, base: str, ui: Ui, query: Query) -> Outcome:
    page.goto(f"{base}/{query.lang}/{ui.page}")
    page.click(ui.input)
    if ui is MATERIAL_UI:  # the worker announces itself ready by replacing the "initialising" text
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
    before = page.text_content(ui.message) if page.query_selector(ui.message) else ""
    page.fill(ui.input, query.text)
    page.press(ui.input, "End")  # Material listens to keyup, which inserted CJK text does not fire
    wait_for_answer(page, ui, before or "")
    while ui.more_button and page.query_selector(ui.more_button):
        page.click(ui.more_button)
        page.wait_for_timeout(400)
    if ui is MATERIAL_UI:  # Material renders results in batches while the list is scrolled
        for _ in range(20):
            page.evaluate("document.querySelector('.md-search__scrollwrap')?.scrollBy(0, 10000)")
            page.wait_for_timeout(50)
    hrefs = page.eval_on_selector_all(ui.result_link, "links => links.map(a => a.href)")
    message = (page.text_content(ui.message) or "").strip()
    return Outcome(query, [local_path(h) for h in hrefs], message)


@dataclass
class FirstResult:
    total_sent: int
    total_raw: int
    search_sent: int
    search_raw: int
    search_files: list[str]
    seconds: float


def is_search_asset(path: str) -> bool:
    return (
        "/pagefind/" in path or "search_index.json" in path or "/workers/search" in path or "/lunr/" in path
    )


def measure_first_result(browser: Any, base: str, traffic: Traffic, ui: Ui, text: str) -> FirstResult:
    """Bytes from opening /zh/<page> in an empty cache until the first result is on screen."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    mark = traffic.mark()
    started = time.perf_counter()
    page.goto(f"{base}/zh/{ui.page}", wait_until="load")
    page.click(ui.input)
    page.type(ui.input, text, delay=50)
    page.press(ui.input, "End")  # the keyup an input method sends when the user confirms the word
    page.wait_for_selector(ui.result_link, timeout=TIMEOUT_MS)
    seconds = time.perf_counter() - started
    sent = traffic.since(mark)
    context.close()
    searchy = [s for s in sent if is_search_asset(s.path)]
    return FirstResult(
        sum(s.sent for s in sent),
        sum(s.raw for s in sent),
        sum(s.sent for s in searchy),
        sum(s.raw for s in searchy),
        [f"{s.path} {s.sent}" for s in searchy],
        seconds,
    )


@dataclass
class EngineReport:
    name: str
    site_dir: Path
    ui: Ui
    index_seconds: float
    index_note: str
    first: FirstResult | None = None
    outcomes: list[Outcome] = field(default_factory=list)


def browse(report: EngineReport) -> None:
    from playwright.sync_api import sync_playwright

    with serve(report.site_dir) as (base, traffic), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            report.first = measure_first_result(browser, base, traffic, report.ui, "藏红花")
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            report.outcomes = [run_query(page, base, report.ui, query) for query in QUERIES]
            context.close()
        finally:
            browser.close()


# --- report --------------------------------------------------------------------------------------


def kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def print_table(reports: list[EngineReport]) -> None:
    rows: list[tuple[str, list[str]]] = []
    rows.append(("page opened for the test", [f"/zh/{r.ui.page}" for r in reports]))
    rows.append(
        (
            "first zh result: all bytes sent (gzip)",
            [kib(r.first.total_sent) if r.first else "-" for r in reports],
        )
    )
    rows.append(
        ("  of which search files (gzip)", [kib(r.first.search_sent) if r.first else "-" for r in reports])
    )
    rows.append(
        ("  of which search files (raw)", [kib(r.first.search_raw) if r.first else "-" for r in reports])
    )
    rows.append(("  time to first result", [f"{r.first.seconds:.2f} s" if r.first else "-" for r in reports]))
    for lang in CODES:
        label = f"index on disk, {lang} (KiB raw/gzip)"
        rows.append(
            (label, [size_label(index_files(r.name.split("-")[0], r.site_dir, lang)) for r in reports])
        )
    rows.append(("index step time", [f"{r.index_seconds:.2f} s ({r.index_note})" for r in reports]))
    for i, query in enumerate(QUERIES):
        rows.append((f"{query.lang} {query.text!r} → {query.note}", [r.outcomes[i].cell() for r in reports]))
    width0 = max(_width(label) for label, _ in rows)
    widths = [max(_width(r.name), *(_width(cells[i]) for _, cells in rows)) for i, r in enumerate(reports)]
    print(
        _pad("", width0) + " | " + " | ".join(_pad(r.name, w) for r, w in zip(reports, widths, strict=True))
    )
    print("-" * (width0 + sum(w + 3 for w in widths)))
    for label, cells in rows:
        print(
            _pad(label, width0) + " | " + " | ".join(_pad(c, w) for c, w in zip(cells, widths, strict=True))
        )
    print(
        "\ncells: match? #rank of the first expected page among the results shown (count);"
        " OTHER-LANG = a result outside /<lang>/"
    )
    print("bytes: response bodies as sent by the test server (text types gzip -6), headers excluded")
    for r in reports:
        if r.first:
            print(
                f"\n{r.name}: search files fetched before the first result: {', '.join(r.first.search_files)}"
            )
        for outcome in r.outcomes:
            print(f"  {outcome.query.lang} {outcome.query.text}: {outcome.count_text!r} {outcome.urls[:6]}")


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, help="work folder (default: a new temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="miftah-compare-search-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(f"building in {work} …", file=sys.stderr)
        pagefind_site = work / "pagefind" / "site"
        build_pagefind_site(pagefind_site)
        pagefind_s = time_pagefind(pagefind_site)
        clock = PluginClock()
        material_site = work / "material" / "site"
        build_material_site(material_site, work, clock)
        body_site = work / "material-body" / "site"
        shutil.rmtree(body_site, ignore_errors=True)
        shutil.copytree(material_site, body_site)
        body_s = reindex_material_bodies(body_site)
        reports = [
            EngineReport("pagefind", pagefind_site, PAGEFIND_UI, pagefind_s, "pagefind CLI, 3 langs"),
            EngineReport("material", material_site, MATERIAL_UI, clock.seconds, "plugin events, 3 builds"),
            EngineReport(
                "material-body", body_site, MATERIAL_UI, body_s + clock.seconds, "plugin + body re-index"
            ),
        ]
        for report in reports:
            print(f"browsing {report.name} …", file=sys.stderr)
            browse(report)
        print_table(reports)
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
