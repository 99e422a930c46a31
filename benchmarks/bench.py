"""The benchmark: build time and page weight on the reference catalog, against budgets.

    make bench                    # PRODUCTS=300: about 25 minutes on 2 cores, photos included
    make bench PRODUCTS=20        # a quick look
    .venv/bin/python benchmarks/bench.py --products 5 --quick    # the smoke run of make test

Generates the reference catalog (``benchmarks/refcatalog.py``) under .cache/refcatalog/, then
measures, each figure as the median of ``--runs`` runs with min and max (the cold build once):
the cold build and its split, the warm build against bare MkDocs (the same pages as plain
Markdown, same MkDocs + Material + i18n configuration, no hooks, no photos) built in the same
run, one record edited, the preview loop of ``scripts/site.py serve``, the photo pipeline
(``bench_photos.bench``), peak memory, the warm build at several sizes, and the buyer side: bytes
and requests of a product page on a phone, bytes before the first Chinese search result,
Lighthouse (mobile preset) and the blocked-host drill, each beside a default mkdocs-material
page. Prints a table and writes bench-results.json at the repository root.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import refcatalog  # type: ignore[import-not-found]  # noqa: E402

from miftah.catalog.loading import load_catalog  # noqa: E402
from miftah.catalog.records import Catalog  # noqa: E402
from miftah.languages import CODES  # noqa: E402
from miftah.media.statmemo import MEMO_FILE  # noqa: E402
from miftah.translated import Translations  # noqa: E402

PYTHON = sys.executable
SITE_FRONT = ROOT / "scripts" / "site.py"
RESULTS = ROOT / "bench-results.json"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
SCALE_RSS_LIMIT_MB = 1536  # issue #16: peak RSS at 3,000 products
PRODUCT_PAGE_LIMIT_KB = 220  # issue #16: a product page on a phone (was 250)
# Lighthouse's mobile link (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), in CDP's units.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
SEARCH_TERMS = ("阿甘油", "藏红花", "仙人掌", "角豆", "松露", "柑橘", "合作社")
PAINT_TIMEOUT_S = 30.0
DRILL_RUNS = 5  # first paint, with and without the blocked hosts: medians
LIGHTHOUSE_RUNS = 3
LIGHTHOUSE_SIZE = 1000  # issue #16: Lighthouse on the catalog and a product page at 1,000 products
LCP_LIMIT_S = 1.5  # issue #16 (Baidu's goal for a page on a phone)
BUILT = re.compile(
    r"in ([\d.]+) s \(validation ([\d.]+) s, photos ([\d.]+) s, pages ([\d.]+) s, search ([\d.]+) s\)"
)
REBUILT = re.compile(r"Rebuilt preview \(([^)]*)\) in ([\d.]+) s")

SPLIT = ("total", "validation", "photos", "pages", "search")
Budget = tuple[str, float]  # ("<=" or ">=", limit)


# -- figures and budgets ----------------------------------------------------------------------


def stat(values: list[float]) -> dict[str, Any]:
    return {
        "median": round(statistics.median(values), 3),
        "min": round(min(values), 3),
        "max": round(max(values), 3),
        "runs": len(values),
    }


def budget(value: float | None, limit: Budget, unit: str = "") -> dict[str, Any]:
    op, bound = limit
    passed = value is not None and (value <= bound if op == "<=" else value >= bound)
    return {"value": value, "budget": f"{op} {bound:g}{unit}", "pass": passed}


# -- processes, memory ------------------------------------------------------------------------


def _tree_memory_bytes(pid: int) -> int:
    """Memory of a process and all its descendants (from /proc): the sum of their proportional
    set sizes (PSS), where a page shared by n processes counts 1/n in each. Summing resident
    sizes (RSS) would count the build's forked workers' shared pages once per worker; where
    PSS cannot be read, RSS is used."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        total += _memory_kb(current) * 1024
    return total


def _memory_kb(pid: int) -> int:
    for source, field in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        with contextlib.suppress(OSError):
            for line in Path(source).read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1])
    return 0


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, str, int]:
    """Run ``command``; wall seconds, its output, and the peak memory (PSS) of its process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout or []))
    reader.start()
    while process.poll() is None:
        peak = max(peak, _tree_memory_bytes(process.pid))
        time.sleep(0.1)
    reader.join()
    seconds = time.perf_counter() - started
    text = "".join(output)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{text[-4000:]}")
    return seconds, text, peak


def env_for(records: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "MIFTAH_RECORDS": str(records), "PYTHONHASHSEED": "0", **extra}


def full_build(records: Path, site_dir: Path, site_url: str) -> dict[str, Any]:
    command = [PYTHON, str(SITE_FRONT), "build", "--site-dir", str(site_dir)]
    seconds, output, peak = run_measured(command, env_for(records, SITE_URL=site_url))
    found = BUILT.search(output)
    split = dict(zip(SPLIT, map(float, found.groups()), strict=True)) if found else {}
    return {"wall_s": seconds, "split": split, "peak_rss_mb": peak / 2**20}


def _is_rendition(name: str) -> bool:
    """A photo's entry in the cache (``<key>.json``), not the stat memo kept beside them."""
    return name.endswith(".json") and name != MEMO_FILE


def cache_files(records: Path) -> dict[str, int]:
    cache = records / ".cache" / "photos"
    return {entry.name: entry.stat().st_mtime_ns for entry in cache.iterdir()} if cache.is_dir() else {}


# -- bare MkDocs: the same pages as plain Markdown --------------------------------------------


def _md(translations: Translations, lang: str) -> str:
    return translations.show(lang).text if translations else ""


def write_bare_site(catalog: Catalog, folder: Path) -> Path:
    """The catalog's pages as plain Markdown (titles, texts, tables and links, no photos) with the
    project's configuration minus the hook, the template overrides and the watch list."""
    shutil.rmtree(folder, ignore_errors=True)
    docs = folder / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for page in docs.glob("*.md"):  # the hand-written pages, on Material's own template
        page.write_text(re.sub(r"(?m)^template: .*\n", "", page.read_text("utf-8")), "utf-8")
    products = list(catalog.published_products())
    for lang in CODES:

        def write(path: str, text: str, lang: str = lang) -> None:
            target = docs / f"{path}.{lang}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8")

        def listing(items: list[Any], prefix: str, lang: str = lang) -> str:
            return "\n".join(
                f"- [{_md(item.name, lang)}](../{prefix}{item.slug}.md) — "
                f"{_md(getattr(item, 'summary', item.name), lang)}"
                for item in items
            )

        write("products/index", f"# Catalog\n\n{listing(products, '')}\n".replace("../", ""))
        write(
            "cooperatives/index",
            f"# Cooperatives\n\n{listing(list(catalog.cooperatives.values()), '')}\n".replace("../", ""),
        )
        write("search", "# Search\n\nSearch the catalog.\n")
        for product in products:
            rows = "\n".join(
                f"| {sku.id} | {sku.net_content.value} {sku.net_content.unit} | {_md(sku.packaging, lang)} "
                f"| {sku.units_per_carton or ''} |"
                for sku in product.skus
            )
            terms = ", ".join(offer.term for offer in product.trade.incoterms)
            moq = product.trade.moq
            moq_text = f"{moq.quantity} {moq.unit}" if moq else ""
            write(
                f"products/{product.slug}",
                f"# {_md(product.name, lang)}\n\n{_md(product.summary, lang)}\n\n"
                f"{_md(product.description, lang)}\n\n"
                f"| SKU | Net | Packaging | Units per carton |\n| --- | --- | --- | --- |\n{rows}\n\n"
                f"- MOQ: {moq_text}\n- Incoterms: {terms}\n"
                f"- HS code: {product.hs_code or ''}\n- Region: {product.origin.region}\n\n"
                f"{_md(product.ingredients, lang)}\n\n{_md(product.storage, lang)}\n\n"
                f"[{product.cooperative}](../cooperatives/{product.cooperative}.md)\n",
            )
        for cooperative in catalog.cooperatives.values():
            own = [product for product in products if product.cooperative == cooperative.slug]
            write(
                f"cooperatives/{cooperative.slug}",
                f"# {_md(cooperative.name, lang)}\n\n{_md(cooperative.story, lang)}\n\n"
                + listing(own, "../products/")
                + "\n",
            )
        listings: dict[str, dict[str, str | None]] = {  # listing folder: each product's term
            "categories": {product.slug: product.category for product in products},
            "regions": {product.slug: product.origin.region for product in products},
        }
        for kind, term_of in listings.items():
            for term in sorted({term for term in term_of.values() if term}):
                chosen = [product for product in products if term_of[product.slug] == term]
                write(f"{kind}/{term}", f"# {term}\n\n{listing(chosen, '../products/')}\n")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = config.replace("docs_dir: docs", f"docs_dir: {docs}")
    config = re.sub(r"\n  custom_dir: overrides", "", config)
    config = re.sub(r"\nhooks:\n  - [^\n]*\n", "\n", config)
    config = re.sub(r"\nwatch:\n(  - [^\n]*\n)+", "\n", config)
    config = config.replace("strict: true", "strict: false")
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    return folder / "mkdocs.yml"


def bare_build(config: Path, site_dir: Path, langs: list[str]) -> float:
    """Wall time of a fresh process running one MkDocs build per language, like scripts/site.py."""
    command = [PYTHON, str(Path(__file__).resolve()), "_bare", str(config), str(site_dir), *langs]
    seconds, _output, _peak = run_measured(command, {**os.environ, "PYTHONHASHSEED": "0"})
    return seconds


def _bare_main(config_file: str, site_dir: str, langs: list[str]) -> int:
    import logging

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    for code in langs:
        os.environ["MIFTAH_BUILD_LANG"] = code
        mkdocs_build(load_config(config_file, site_dir=f"{site_dir}/{code}"))
    return 0


# -- one record edited, preview loop -----------------------------------------------------------


@contextlib.contextmanager
def edited(record: Path, marker: str) -> Iterator[None]:
    """Append a sentence with ``marker`` to the Chinese description; put the file back after."""
    original = record.read_text("utf-8")
    try:
        pattern = r"(description:\n  zh: \|\n(?:    .*\n|\n)*?)(?=  \S|\S)"
        text = re.sub(pattern, rf"\g<1>    {marker}\n", original, count=1)
        if text == original:
            raise RuntimeError(f"no Chinese description to edit in {record}")
        record.write_text(text, "utf-8")
        yield
    finally:
        record.write_text(original, "utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8", "replace"))


def preview_loop(records: Path, slug: str, runs: int, all_languages: bool = False) -> dict[str, Any]:
    """Start ``scripts/site.py serve``, look at a product page, save the record; the rebuild the
    server reports, and the time from the save until the page served carries the change."""
    port = free_port()
    command = [PYTHON, str(SITE_FRONT), "serve", "--port", str(port)] + (
        ["--all-languages"] if all_languages else []
    )
    log_path = Path(tempfile.mkstemp(prefix="bench-serve-", suffix=".log")[1])
    pattern = BUILT if all_languages else REBUILT

    def reported() -> list[float]:
        text = log_path.read_text()
        return [float(found[0] if all_languages else found[1]) for found in pattern.findall(text)]

    def wait_for_report(count: int) -> list[float]:
        deadline = time.perf_counter() + 300
        while len(found := reported()) < count:
            if time.perf_counter() > deadline or server.poll() is not None:
                raise RuntimeError("the preview server did not rebuild:\n" + log_path.read_text()[-3000:])
            time.sleep(0.05)
        return found

    with log_path.open("w") as log_file:
        server = subprocess.Popen(
            command, env=env_for(records), stdout=log_file, stderr=subprocess.STDOUT, text=True
        )
    url = f"http://127.0.0.1:{port}/zh/products/{slug}/"
    record = records / "products" / slug / "product.yml"
    rebuilds, loops = [], []
    try:
        deadline = time.monotonic() + 900
        while True:
            with contextlib.suppress(OSError):
                fetch(url)
                break
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the preview server did not start:\n" + log_path.read_text())
            time.sleep(0.2)
        for run in range(runs):
            marker = f"预览标记{run}x{time.monotonic_ns()}"
            seen = len(reported())
            with edited(record, marker):
                saved = time.perf_counter()
                while marker not in fetch(url):
                    if time.perf_counter() - saved > 300:
                        raise RuntimeError("the edit never reached the preview")
                    time.sleep(0.05)
                loops.append(time.perf_counter() - saved)
                rebuilds.append(wait_for_report(seen + 1)[seen])
                fetch(url)  # the tab reloads: it asks for its language again
            wait_for_report(seen + 2)  # putting the record back rebuilds once more
            fetch(url)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log_path.unlink()
    return {"save_to_page_s": stat(loops), "rebuild_s": stat(rebuilds)}


# -- the local server with gzip, the browser ---------------------------------------------------

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest", "/")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (as static hosts do)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                super().do_GET()
                return
            path = path / "index.html"
        if not path.is_file():
            page = Path(self.directory) / "404.html"
            body, status, path = (page.read_bytes() if page.is_file() else b"not found"), 404, page
        else:
            body, status = path.read_bytes(), 200
        headers = {"Content-Type": self.guess_type(str(path)), "Cache-Control": "no-cache"}
        if path.name.endswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6)
            headers["Content-Encoding"] = "gzip"
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # Lighthouse hangs up early
            self.wfile.write(body)


@contextlib.contextmanager
def serving(folder: Path, port: int = 0) -> Iterator[str]:
    handler = partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def black_hole() -> Iterator[int]:
    """A listener that accepts connections and never answers: how blocked hosts behave."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(256)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                held.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()


class Traffic:
    """Every response a page received, with its bytes on the wire (CDP encodedDataLength)."""

    def __init__(self, context: Any, page: Any) -> None:
        self.urls: dict[str, str] = {}
        self.bytes: dict[str, int] = {}
        self.failed: set[str] = set()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.on(
            "Network.requestWillBeSent", lambda e: self.urls.__setitem__(e["requestId"], e["request"]["url"])
        )
        cdp.on(
            "Network.loadingFinished",
            lambda e: self.bytes.__setitem__(e["requestId"], e["encodedDataLength"]),
        )
        cdp.on("Network.loadingFailed", lambda e: self.failed.add(e["requestId"]))

    def summary(self, origin: str) -> dict[str, Any]:
        network = {rid: url for rid, url in self.urls.items() if url.startswith(("http:", "https:"))}
        foreign = sorted({url for url in network.values() if not url.startswith(origin)})
        return {
            "kb": round(sum(self.bytes.get(rid, 0) for rid in network) / 1024, 1),
            "requests": len(network),
            "foreign_requests": foreign,
        }


def phone_page_weight(browser: Any, url: str, origin: str) -> dict[str, Any]:
    """Bytes and requests for a phone to show the page fully: load, then scroll to the end."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    traffic = Traffic(context, page)
    page.goto(url, wait_until="networkidle")
    first_view = traffic.summary(origin)
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, int(height) + 844, 400):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(50)
    page.evaluate("document.querySelectorAll('.ms-gallery').forEach(g => g.scrollLeft = g.scrollWidth)")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    whole = traffic.summary(origin)
    context.close()
    return {**whole, "first_view_kb": first_view["kb"], "first_view_requests": first_view["requests"]}


FIRST_RESULT_JS = """() => {
  new MutationObserver((changes, observer) => {
    if (document.querySelector('.ms-search__results a')) {
      window.__firstResultAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, {childList: true, subtree: true});
}"""

BYTES_BEFORE_JS = """() => {
  const before = performance.getEntriesByType('resource')
    .filter(e => e.responseEnd <= window.__firstResultAt);
  const page = performance.getEntriesByType('navigation')[0];
  return {bytes: page.encodedBodySize + before.reduce((sum, e) => sum + e.encodedBodySize, 0),
          requests: 1 + before.length, ms: window.__firstResultAt};
}"""


def search_weight(browser: Any, url: str, term: str, origin: str) -> dict[str, Any]:
    """Bytes downloaded from opening the search page until the first result for ``term`` shows, on
    a phone's link (``SLOW_4G``): the page and every file that had arrived by that moment (Resource
    Timing, bodies as sent). The next four results are fetched once the first shows; on an
    unthrottled local server they would arrive within the same milliseconds and count."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    context.new_cdp_session(page).send("Network.emulateNetworkConditions", SLOW_4G)
    page.add_init_script(script=f"({FIRST_RESULT_JS})()")
    page.goto(url, wait_until="domcontentloaded")
    page.locator("#ms-search-input").fill(term)
    page.locator(".ms-search__results a").first.wait_for(timeout=30_000)
    page.wait_for_load_state("networkidle")
    before = page.evaluate(BYTES_BEFORE_JS)
    foreign = page.evaluate(
        "origin => performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => !n.startsWith(origin))",
        origin,
    )
    context.close()
    return {
        "kb": round(before["bytes"] / 1024, 1),
        "requests": before["requests"],
        "foreign_requests": sorted(set(foreign)),
        "term": term,
        "seconds": round(before["ms"] / 1000, 2),
    }


def search_weights(browser: Any, url: str, terms: list[str], origin: str) -> dict[str, Any]:
    """``search_weight`` for each of the common queries: the median is the figure (a query of one
    Chinese word loads one index chunk, one of three words three), the heaviest is shown too."""
    each = [search_weight(browser, url, term, origin) for term in terms]
    heaviest = max(each, key=lambda one: one["kb"])
    return {
        "kb": round(statistics.median(one["kb"] for one in each), 1),
        "requests": statistics.median(one["requests"] for one in each),
        "max_kb": heaviest["kb"],
        "max_term": heaviest["term"],
        "terms": len(each),
        "queries": each,
        "foreign_requests": sorted({url for one in each for url in one["foreign_requests"]}),
    }


PAINT_JS = """() => new Promise(resolve => {
  const paint = () => performance.getEntriesByName('first-contentful-paint')[0];
  if (paint()) return resolve(paint().startTime);
  new PerformanceObserver(() => paint() && resolve(paint().startTime))
    .observe({type: 'paint', buffered: true});
})"""


def first_paint_ms(playwright: Any, url: str, blocked_port: int | None) -> float | None:
    """First contentful paint of ``url`` on a phone; None when nothing painted within 30 s."""
    args = ["--no-sandbox"]
    if blocked_port:
        args.append(f"--host-resolver-rules=MAP * 127.0.0.1:{blocked_port}, EXCLUDE 127.0.0.1")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
    try:
        context = browser.new_context(**PHONE)
        page = context.new_page()
        page.goto(url, wait_until="commit", timeout=PAINT_TIMEOUT_S * 1000)
        try:
            return round(float(page.evaluate(PAINT_JS)), 0) if _painted(page) else None
        finally:
            context.close()
    finally:
        browser.close()


def _painted(page: Any) -> bool:
    try:
        page.wait_for_function(
            "performance.getEntriesByName('first-contentful-paint').length > 0",
            timeout=PAINT_TIMEOUT_S * 1000,
        )
        return True
    except Exception:
        return False


def lighthouse(url: str) -> dict[str, Any] | None:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.is_file():
        print("  (lighthouse not installed: run npm ci)", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [
            str(binary),
            url,
            "--output=json",
            f"--output-path={report}",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--quiet",
        ]
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
        if not report.is_file():
            print(f"  lighthouse failed: {result.stderr[-2000:]}", file=sys.stderr)
            return None
        data = json.loads(report.read_text())
    scores = {key: round(100 * (value["score"] or 0)) for key, value in data["categories"].items()}
    audits = data["audits"]
    failing = sorted(
        key
        for key, audit in audits.items()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") == "binary"
    )
    return {
        **scores,
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
        "fcp_s": round(audits["first-contentful-paint"]["numericValue"] / 1000, 2),
        "transfer_kb": round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
        "failing_audits": failing,
    }


def lighthouse_median(url: str, runs: int = LIGHTHOUSE_RUNS) -> dict[str, Any] | None:
    """Lighthouse ``runs`` times: each score and time is the median of the runs (one run moves by
    0.2 s of LCP on a shared machine); the failing audits are those of any run."""
    reports = [report for report in (lighthouse(url) for _ in range(runs)) if report]
    if not reports:
        return None
    merged: dict[str, Any] = {
        key: statistics.median(report[key] for report in reports)
        for key, value in reports[0].items()
        if isinstance(value, int | float)
    }
    merged["failing_audits"] = sorted({audit for report in reports for audit in report["failing_audits"]})
    merged["runs"] = len(reports)
    return merged


def median_of(runs: int, measure: Callable[[], float | None]) -> float | None:
    values = [value for value in (measure() for _ in range(runs)) if value is not None]
    return statistics.median(values) if values else None


def default_material_site(folder: Path, catalog: Catalog) -> Path:
    """A default mkdocs-material site (Google Fonts, search plugin, Material's JavaScript)."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text("site_name: Default Material\ntheme:\n  name: material\n", "utf-8")
    (folder / "docs" / "index.md").write_text("# Home\n\nA default mkdocs-material site.\n", "utf-8")
    products = list(catalog.published_products())[:12]
    for product in products:
        texts = (product.name, product.summary, product.description)
        body = "# " + "\n\n".join(_md(text, "en") for text in texts) + "\n"
        (folder / "docs" / f"{product.slug}.md").write_text(body, "utf-8")
    site_dir = folder / "site"
    command = [PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml"), "-d", str(site_dir)]
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    return site_dir


# -- the measurements --------------------------------------------------------------------------


def heaviest_product(catalog: Catalog) -> str:
    products = sorted(catalog.published_products(), key=lambda product: (-len(product.photos), product.slug))
    return products[0].slug


def buyer_side(
    site_dir: Path,
    material_site: Path,
    slug: str,
    terms: list[str],
    port: int,
    with_lighthouse: bool,
    material_drill: bool,
) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    result: dict[str, Any] = {}
    with (
        serving(site_dir, port) as origin,
        serving(material_site) as material_origin,
        sync_playwright() as playwright,
    ):
        product_url = f"{origin}zh/products/{slug}/"
        pages = [
            p.name for p in material_site.iterdir() if (p / "index.html").is_file() and p.name != "search"
        ]
        material_url = f"{material_origin}{sorted(pages)[0]}/"
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            result["product_page"] = phone_page_weight(browser, product_url, origin)
            result["material_page"] = phone_page_weight(browser, material_url, material_origin)
            result["search"] = search_weights(browser, f"{origin}zh/search/", terms, origin)
        finally:
            browser.close()
        with black_hole() as port:
            result["drill"] = {
                "product_fcp_ms": median_of(
                    DRILL_RUNS, lambda: first_paint_ms(playwright, product_url, None)
                ),
                "product_fcp_drill_ms": median_of(
                    DRILL_RUNS, lambda: first_paint_ms(playwright, product_url, port)
                ),
                "runs": DRILL_RUNS,
                "material_drill": material_drill,
                "material_fcp_ms": first_paint_ms(playwright, material_url, None) if material_drill else None,
                "material_fcp_drill_ms": first_paint_ms(playwright, material_url, port)
                if material_drill
                else None,
            }
        if with_lighthouse:
            result["lighthouse"] = {
                "product_page": lighthouse_median(product_url),
                "material_page": lighthouse(material_url),
            }
    result["urls"] = {
        "product": product_url.replace(origin, "/"),
        "material": material_url.replace(material_origin, "/"),
    }
    return result


def scale(
    sizes: list[int],
    base: Path,
    work: Path,
    base_warm: dict[str, Any],
    site_url: str,
    with_lighthouse: bool,
) -> dict[str, Any]:
    """The warm build at several sizes (the main size's figures come from the warm runs); the
    other catalogs reuse the main catalog's photos and photo cache, so only pages differ."""
    rows = {}
    distinct = len(list((work / "photo-pool").glob("photo-*.jpg")))
    for size in sizes:
        records = work / str(size)
        site_dir = work / "site" if records == base else work / f"site-{size}"
        if records != base:
            log(f"scale: {size} products")
            refcatalog.write_catalog(records, size, distinct_photos=distinct)
            cache = records / ".cache" / "photos"
            if not cache.is_symlink():
                shutil.rmtree(cache, ignore_errors=True)
                cache.parent.mkdir(parents=True, exist_ok=True)
                cache.symlink_to(base / ".cache" / "photos")
            # The first build indexes the search (Pagefind holds a language's pages in memory:
            # the peak of a build that follows an edit); the second is the warm one.
            first = full_build(records, site_dir, site_url)
            runs = [full_build(records, site_dir, site_url)]
            warm = {"wall_s": stat([run["wall_s"] for run in runs]), "peak_rss_mb": runs[0]["peak_rss_mb"]}
            first_peak = first["peak_rss_mb"]
        else:
            warm, first_peak = base_warm, base_warm["peak_rss_mb"]
        pages = sum(1 for code in CODES for _ in (site_dir / code).rglob("index.html"))
        product_html = [p.stat().st_size for p in (site_dir / "zh" / "products").glob("*/index.html")]
        listings = listing_pages(site_dir)
        rows[str(size)] = {
            "warm_s": warm["wall_s"],
            "peak_rss_mb": round(warm["peak_rss_mb"]),
            "first_build_peak_rss_mb": round(first_peak),
            "pages": pages,
            "ms_per_page": round(1000 * warm["wall_s"]["median"] / pages, 2),
            "product_html_kb": round(statistics.median(product_html) / 1024, 1),
            "listing_pages": len(listings),
            "listing_max_kb": round(max(raw for raw, _ in listings) / 1024, 1),
            "listing_max_gzip_kb": round(max(packed for _, packed in listings) / 1024, 1),
        }
        if size == LIGHTHOUSE_SIZE and with_lighthouse:
            rows[str(size)]["lighthouse"] = lighthouse_pages(site_dir, site_url)
        if records != base:
            shutil.rmtree(site_dir, ignore_errors=True)
    return rows


def lighthouse_pages(site_dir: Path, site_url: str) -> dict[str, Any]:
    """Lighthouse (medians) on the catalog page and the heaviest product page of ``site_dir``,
    served where it was built for."""
    slug = max(
        (site_dir / "zh" / "products").glob("*/index.html"), key=lambda p: p.stat().st_size
    ).parent.name
    port = int(site_url.rstrip("/").rsplit(":", 1)[1])
    with serving(site_dir, port) as origin:
        return {
            "catalog_page": lighthouse_median(f"{origin}zh/products/"),
            "product_page": lighthouse_median(f"{origin}zh/products/{slug}/"),
        }


def listing_pages(site_dir: Path) -> list[tuple[int, int]]:
    """(bytes, gzip bytes) of every listing page: the catalog, categories and regions, with all
    their pages, in every language — what a buyer downloads before the first card shows."""
    sizes = []
    for code in CODES:
        for folder in ("products", "categories", "regions", "cooperatives"):
            for page in (site_dir / code / folder).glob("**/index.html"):
                relative = page.relative_to(site_dir / code / folder).parts
                if folder == "products" and relative[0] not in ("index.html", "page"):
                    continue  # a product page, not a listing
                if folder == "cooperatives" and relative[0] not in ("index.html", "page"):
                    continue  # a cooperative's page (its products are few)
                data = page.read_bytes()
                sizes.append((len(data), len(gzip.compress(data, 9))))
    return sizes


def measure(arguments: argparse.Namespace) -> dict[str, Any]:
    work = arguments.workdir.resolve()
    records = work / str(arguments.products)
    site_dir = work / "site"
    arguments.port = arguments.port or free_port()  # the built site's URL: where it is served
    site_url = f"http://127.0.0.1:{arguments.port}/"
    runs = arguments.runs
    results: dict[str, Any] = {"products": arguments.products, "cores": os.cpu_count(), "runs": runs}

    log("reference catalog")
    started = time.perf_counter()
    size = (800, 600) if arguments.quick else None
    results["catalog"] = refcatalog.write_catalog(records, arguments.products, photo_size_px=size)
    results["catalog"]["generate_s"] = round(time.perf_counter() - started, 1)
    loaded = load_catalog(records)
    assert loaded.catalog is not None, "the reference catalog does not validate"
    catalog = loaded.catalog
    results["catalog"]["warnings"] = len(loaded.problems)
    slug = heaviest_product(catalog)

    log("cold build (empty photo cache)")
    shutil.rmtree(records / ".cache" / "photos", ignore_errors=True)
    cold = full_build(records, site_dir, site_url)
    results["cold"] = cold

    log("bare MkDocs pages", results)
    bare_config = write_bare_site(catalog, work / "bare")
    warm, bare, bare_one = [], [], []
    for run in range(runs):
        log(f"warm build and bare MkDocs, run {run + 1}/{runs}")
        warm.append(full_build(records, site_dir, site_url))
        bare.append(bare_build(bare_config, work / "bare" / "site", list(CODES)))
        bare_one.append(bare_build(bare_config, work / "bare" / "site", ["zh"]))
    results["warm"] = {
        "wall_s": stat([run["wall_s"] for run in warm]),
        "split_median": {
            key: statistics.median(run["split"][key] for run in warm) for key in warm[0]["split"]
        },
        "peak_rss_mb": max(run["peak_rss_mb"] for run in warm),
    }
    results["bare"] = {"three_languages_s": stat(bare), "one_language_s": stat(bare_one)}

    log("one record edited", results)
    edit_times, re_encoded = [], []
    for run in range(runs):
        before = cache_files(records)
        with edited(records / "products" / slug / "product.yml", f"修改标记{run}"):
            edit_times.append(full_build(records, site_dir, site_url)["wall_s"])
        after = cache_files(records)
        re_encoded.append(
            sum(1 for name, stamp in after.items() if before.get(name) != stamp and _is_rendition(name))
        )
    full_build(records, site_dir, site_url)  # the site as the records are
    results["edit"] = {"wall_s": stat(edit_times), "photos_re_encoded": max(re_encoded)}

    log("preview loop", results)
    results["preview"] = preview_loop(records, slug, runs)
    if arguments.preview_all_languages:
        results["preview_all_languages"] = preview_loop(records, slug, max(1, runs - 1), all_languages=True)

    if not arguments.quick:
        log("photo pipeline (bench_photos.bench on pool photos)", results)
        import bench_photos  # type: ignore[import-not-found]

        pool = sorted((work / "photo-pool").glob("photo-*.jpg"))[: arguments.photo_sample]
        results["photos"] = bench_photos.bench(pool)["summary"]

    if arguments.scale:
        log("scale", results)
        results["scale"] = scale(
            arguments.scale, records, work, results["warm"], site_url, not arguments.no_lighthouse
        )

    if not arguments.no_browser:
        log("buyer side", results)
        material = default_material_site(work / "material-default", catalog)
        names = [_md(p.name, "zh") for p in catalog.published_products()]
        terms = [t for t in SEARCH_TERMS if any(t in name for name in names)] or ["合作社"]
        with_lighthouse = not arguments.no_lighthouse
        results["buyer"] = buyer_side(
            site_dir, material, slug, terms, arguments.port, with_lighthouse, not arguments.quick
        )
    return results


def log(message: str, results: dict[str, Any] | None = None) -> None:
    """Progress on stderr; the figures so far into .cache/bench-results.partial.json."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
    if results is not None:
        (ROOT / ".cache" / "bench-results.partial.json").write_text(json.dumps(results, indent=2) + "\n")


# -- the table ---------------------------------------------------------------------------------


def judge(results: dict[str, Any]) -> dict[str, Any]:
    """Every budget as {value, budget, pass}."""
    budgets: dict[str, Any] = {}
    warm_s = results["warm"]["wall_s"]["median"]
    bare_s = results["bare"]["three_languages_s"]["median"]
    budgets["warm_over_bare"] = budget(round(warm_s / bare_s, 2), ("<=", 1.25), "×")
    budgets["edit_photos_re_encoded"] = budget(results["edit"]["photos_re_encoded"], ("<=", 0))
    preview = results["preview"]["rebuild_s"]["median"] if results["preview"]["rebuild_s"] else None
    one = results["bare"]["one_language_s"]["median"]
    budgets["preview_over_bare_one_language"] = budget(
        round(preview / one, 2) if preview else None, ("<=", 1.5), "×"
    )
    if "photos" in results:
        budgets["photos_pipeline_over_encoders"] = budget(
            results["photos"]["pipeline_over_encoders"], ("<=", 1.25), "×"
        )
        budgets["photos_parallel_speedup"] = budget(results["photos"]["parallel_speedup"], (">=", 1.7), "×")
    peak = max(results["cold"]["peak_rss_mb"], results["warm"]["peak_rss_mb"])
    limit_mb = 1024 * results["products"] / 300 if results["products"] > 300 else 1024
    budgets["peak_rss_mb"] = budget(round(peak), ("<=", round(limit_mb)), " MB")
    if "scale" in results and len(results["scale"]) >= 2:
        sizes = sorted(results["scale"], key=int)
        growth = results["scale"][sizes[-1]]["ms_per_page"] / results["scale"][sizes[-2]]["ms_per_page"]
        budgets["scale_ms_per_page_growth"] = budget(round(growth, 2), ("<=", 1.2), "×")
        html = results["scale"][sizes[-1]]["product_html_kb"] / results["scale"][sizes[0]]["product_html_kb"]
        budgets["scale_product_html_growth"] = budget(round(html, 2), ("<=", 1.1), "×")
        largest = results["scale"][sizes[-1]]
        budgets["listing_page_kb"] = budget(largest["listing_max_kb"], ("<=", 250), " KB")
        budgets["listing_page_gzip_kb"] = budget(largest["listing_max_gzip_kb"], ("<=", 60), " KB")
        # Issue #16: the whole build's process tree under 1.5 GB at the largest size (3,000).
        peak = max(largest["peak_rss_mb"], largest["first_build_peak_rss_mb"])
        budgets["scale_peak_rss_mb"] = budget(peak, ("<=", SCALE_RSS_LIMIT_MB), " MB")
    at_size = (results.get("scale") or {}).get(str(LIGHTHOUSE_SIZE), {}).get("lighthouse") or {}
    for page_name, report in at_size.items():
        if report:
            for category in ("performance", "accessibility", "best-practices", "seo"):
                budgets[f"lighthouse_{LIGHTHOUSE_SIZE}_{page_name}_{category}"] = budget(
                    report[category], (">=", 95)
                )
            budgets[f"lighthouse_{LIGHTHOUSE_SIZE}_{page_name}_lcp_s"] = budget(
                report["lcp_s"], ("<=", LCP_LIMIT_S), " s"
            )
    buyer = results.get("buyer")
    if buyer:
        page = buyer["product_page"]
        budgets["product_page_kb"] = budget(page["kb"], ("<=", PRODUCT_PAGE_LIMIT_KB), " KB")
        budgets["product_page_requests"] = budget(page["requests"], ("<=", 25))
        budgets["product_page_foreign_requests"] = budget(len(page["foreign_requests"]), ("<=", 0))
        budgets["search_first_result_kb"] = budget(buyer["search"]["kb"], ("<=", 150), " KB")
        drill = buyer["drill"]
        normal, blocked = drill["product_fcp_ms"], drill["product_fcp_drill_ms"]
        ratio = round(blocked / normal, 2) if normal and blocked else None
        budgets["drill_fcp_over_normal"] = budget(ratio, ("<=", 1.2), "×")
        lighthouse_page = (buyer.get("lighthouse") or {}).get("product_page")
        if lighthouse_page:
            for category in ("performance", "accessibility", "best-practices", "seo"):
                budgets[f"lighthouse_{category}"] = budget(lighthouse_page[category], (">=", 95))
            budgets["lighthouse_lcp_s"] = budget(lighthouse_page["lcp_s"], ("<=", LCP_LIMIT_S), " s")
    return budgets


def fmt(figure: dict[str, Any] | None, unit: str = "s") -> str:
    if not figure:
        return "—"
    spread = f"min {figure['min']:.2f}, max {figure['max']:.2f}, n={figure['runs']}"
    return f"{figure['median']:.2f} {unit} ({spread})"


def table(results: dict[str, Any], budgets: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(figure, value, budget, mark) rows, in the issue's order."""
    rows: list[tuple[str, str, str, str]] = []

    def row(name: str, value: str, key: str | None = None) -> None:
        if key and key in budgets:
            rows.append((name, value, budgets[key]["budget"], "PASS" if budgets[key]["pass"] else "FAIL"))
        else:
            rows.append((name, value, "", ""))

    catalog = results["catalog"]
    row(
        "reference catalog",
        f"{catalog['products']} products, {catalog['cooperatives']} cooperatives, "
        f"{catalog['photos']} photos ({catalog['distinct_photos']} distinct), {catalog['warnings']} warnings",
    )
    cold = results["cold"]
    split = cold["split"]
    row("1. cold build (empty photo cache)", f"{cold['wall_s']:.1f} s (once)")
    row(
        "   split: validation / photos / pages / search",
        f"{split['validation']:.1f} / {split['photos']:.1f} / {split['pages']:.1f} / {split['search']:.1f} s",
    )
    warm = results["warm"]
    row("2. warm build (nothing changed)", fmt(warm["wall_s"]))
    row(
        "   split: validation / photos / pages / search",
        " / ".join(f"{warm['split_median'][k]:.1f}" for k in ("validation", "photos", "pages", "search"))
        + " s",
    )
    row("   bare MkDocs, 3 languages", fmt(results["bare"]["three_languages_s"]))
    row("   warm / bare", f"{budgets['warm_over_bare']['value']}×", "warm_over_bare")
    row("3. one record edited", fmt(results["edit"]["wall_s"]))
    row("   edit / warm", f"{results['edit']['wall_s']['median'] / warm['wall_s']['median']:.2f}×")
    row("   photos re-encoded", str(results["edit"]["photos_re_encoded"]), "edit_photos_re_encoded")
    preview = results["preview"]
    row("4. preview: rebuild the dev server runs", fmt(preview["rebuild_s"]))
    row("   preview: save → rebuilt page served", fmt(preview["save_to_page_s"]))
    if "preview_all_languages" in results:
        row(
            "   before (all 3 languages): save → page",
            fmt(results["preview_all_languages"]["save_to_page_s"]),
        )
    row("   bare MkDocs, one language", fmt(results["bare"]["one_language_s"]))
    row(
        "   preview rebuild / bare one language",
        f"{budgets['preview_over_bare_one_language']['value']}×",
        "preview_over_bare_one_language",
    )
    if "photos" in results:
        photos = results["photos"]
        row(
            "5. photos: pipeline / encoders only",
            f"{photos['pipeline_over_encoders']}× ({photos['photos']} photos)",
            "photos_pipeline_over_encoders",
        )
        row(
            "   parallel speed-up",
            f"{photos['parallel_speedup']}× on {photos['cores']} cores",
            "photos_parallel_speedup",
        )
        row("   unchanged rebuild: photos re-encoded", str(photos["unchanged_rebuild_re_encoded"]))
    row(
        "6. peak memory (process tree's PSS: build + workers)",
        f"cold {cold['peak_rss_mb']:.0f} MB, warm {warm['peak_rss_mb']:.0f} MB",
        "peak_rss_mb",
    )
    for size, figures in (results.get("scale") or {}).items():
        row(
            f"7. scale: warm build at {size} products",
            f"{fmt(figures['warm_s'])}; {figures['pages']} pages, {figures['ms_per_page']} ms/page, "
            f"product page HTML {figures['product_html_kb']} KB; largest of {figures['listing_pages']} "
            f"listing pages {figures['listing_max_kb']} KB ({figures['listing_max_gzip_kb']} KB gzip); "
            f"peak memory {figures['peak_rss_mb']} MB warm, {figures['first_build_peak_rss_mb']} MB "
            "when the search is indexed",
        )
        for page_name, report in (figures.get("lighthouse") or {}).items():
            if report:
                row(
                    f"   Lighthouse mobile, {page_name.replace('_', ' ')} at {size} products",
                    " / ".join(
                        f"{report[c]:.0f}" for c in ("performance", "accessibility", "best-practices", "seo")
                    )
                    + f"; LCP {report['lcp_s']:.2f} s (median of {report['runs']})",
                    f"lighthouse_{size}_{page_name}_lcp_s",
                )
    for key, name, unit in (
        ("listing_page_kb", "   largest listing page, HTML", "KB"),
        ("listing_page_gzip_kb", "   largest listing page, gzip", "KB"),
        (
            "scale_peak_rss_mb",
            "   peak memory at the largest size (process tree's PSS, first or warm build)",
            "MB",
        ),
    ):
        if key in budgets:
            row(name, f"{budgets[key]['value']} {unit}", key)
    if "scale_ms_per_page_growth" in budgets:
        row(
            "   ms/page, largest / next size",
            f"{budgets['scale_ms_per_page_growth']['value']}×",
            "scale_ms_per_page_growth",
        )
        row(
            "   product HTML, largest / smallest",
            f"{budgets['scale_product_html_growth']['value']}×",
            "scale_product_html_growth",
        )
    buyer = results.get("buyer")
    if buyer:
        page, material = buyer["product_page"], buyer["material_page"]
        row(
            "8. product page on a phone: bytes",
            f"{page['kb']} KB (first view {page['first_view_kb']} KB)",
            "product_page_kb",
        )
        row("   requests", str(page["requests"]), "product_page_requests")
        row("   requests to other hosts", str(len(page["foreign_requests"])), "product_page_foreign_requests")
        row(
            "   default Material page: bytes, requests",
            f"{material['kb']} KB, {material['requests']} requests "
            f"({len(material['foreign_requests'])} to other hosts)",
        )
        search = buyer["search"]
        row(
            f"   bytes until the first search result (median of {search['terms']} queries)",
            f"{search['kb']} KB, {search['requests']:g} requests (heaviest {search['max_term']}: "
            f"{search['max_kb']} KB)",
            "search_first_result_kb",
        )
        for key in ("performance", "accessibility", "best-practices", "seo"):
            ours = (buyer.get("lighthouse") or {}).get("product_page") or {}
            theirs = (buyer.get("lighthouse") or {}).get("material_page") or {}
            row(
                f"   Lighthouse {key} (default Material: {theirs.get(key, '—')})",
                str(ours.get(key, "—")),
                f"lighthouse_{key}",
            )
        ours = (buyer.get("lighthouse") or {}).get("product_page") or {}
        theirs = (buyer.get("lighthouse") or {}).get("material_page") or {}
        row(
            f"   Lighthouse LCP (default Material: {theirs.get('lcp_s', '—')} s)",
            f"{ours.get('lcp_s', '—')} s",
            "lighthouse_lcp_s",
        )
        drill = buyer["drill"]
        row(
            "9. blocked-host drill: first paint, normal → drill",
            f"{_ms(drill['product_fcp_ms'])} → {_ms(drill['product_fcp_drill_ms'])}",
            "drill_fcp_over_normal",
        )
        material_drill = f"{_ms(drill['material_fcp_ms'])} → {_ms(drill['material_fcp_drill_ms'])}"
        measured = drill.get("material_drill", True)
        row("   default Material page, normal → drill", material_drill if measured else "not run (--quick)")
    return rows


def _ms(value: float | None) -> str:
    return f"{value:.0f} ms" if value is not None else f"no paint in {PAINT_TIMEOUT_S:.0f} s"


def print_table(rows: list[tuple[str, str, str, str]], markdown: bool = False) -> str:
    if markdown:
        lines = ["| figure | value | budget | |", "| --- | --- | --- | --- |"]
        lines += [f"| {name.strip()} | {value} | {limit} | {mark} |" for name, value, limit, mark in rows]
        return "\n".join(lines)
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    return "\n".join(
        f"{name.ljust(widths[0])}  {value.ljust(widths[1])}  {limit.ljust(widths[2])}  {mark}".rstrip()
        for name, value, limit, mark in rows
    )


def _sizes(text: str) -> list[int]:
    return [int(number) for number in text.split(",") if number]


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_bare":
        return _bare_main(sys.argv[2], sys.argv[3], sys.argv[4:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=int(os.environ.get("PRODUCTS", 300)))
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (the cold build runs once)")
    parser.add_argument(
        "--scale",
        type=_sizes,
        default=[300, LIGHTHOUSE_SIZE, 3000],
        help=f"sizes of the scale run (default 300,{LIGHTHOUSE_SIZE},3000; '' for none)",
    )
    parser.add_argument("--workdir", type=Path, default=ROOT / ".cache" / "refcatalog")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--port", type=int, default=0, help="port to serve the site on (default: free)")
    parser.add_argument("--photo-sample", type=int, default=14, help="photos for the pipeline figures")
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: small photos, no photo pipeline figures"
    )
    parser.add_argument("--no-browser", action="store_true", help="skip the buyer side")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument(
        "--preview-all-languages", action="store_true", help="also time the old preview (all languages)"
    )
    parser.add_argument(
        "--markdown", action="store_true", help="print the table as Markdown (for the README)"
    )
    arguments = parser.parse_args()
    results = measure(arguments)
    budgets = judge(results)
    rows = table(results, budgets)
    print(print_table(rows, arguments.markdown))
    failed = [name for name, figure in budgets.items() if not figure["pass"]]
    print(
        f"\n{len(budgets) - len(failed)}/{len(budgets)} budgets met"
        + (f"; not met: {', '.join(failed)}" if failed else "")
    )
    arguments.results.write_text(
        json.dumps({"results": results, "budgets": budgets, "table": rows}, indent=2) + "\n"
    )
    print(f"written to {arguments.results.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
