"""Build or preview the site: `python scripts/site.py build|serve`.

The steps live in ``miftah.publishing.build``; this front only supplies the MkDocs part (one
``mkdocs build`` per language, with mkdocs-static-i18n's ``build_only_locale``) and the
live-reload server of ``mkdocs serve``.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from html import escape
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.commands.build import build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import MkDocsException  # noqa: E402
from mkdocs.livereload import LiveReloadServer  # noqa: E402

from miftah import i18n  # noqa: E402
from miftah.catalog import problems, taxonomy  # noqa: E402
from miftah.editing import editor  # noqa: E402
from miftah.publishing import forked, site  # noqa: E402
from miftah.failures import os_error_line  # noqa: E402
from miftah.publishing.build import build_languages, build_site, forget_data_files  # noqa: E402
from miftah.languages import CODES, DEFAULT_CODE, language  # noqa: E402
from miftah.catalog.loading import Loaded  # noqa: E402
from miftah.publishing.search import SearchIndexError  # noqa: E402
from miftah.publishing.sitedir import BuildBusy  # noqa: E402

WATCHED = ("products", "cooperatives", "docs", "overrides", "hooks", "mkdocs.yml")
DEFAULT_BASE_URL = "https://miftah-souk.github.io/catalog/"


def render_language(code: str, out_dir: Path, site_url: str) -> None:
    """One MkDocs build of one language into ``out_dir``."""
    os.environ["MIFTAH_BUILD_LANG"] = code
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out_dir), site_url=site_url)
    mkdocs_build(config)
    for leftover in ("sitemap.xml", "sitemap.xml.gz"):  # one sitemap for all languages, at the root
        (out_dir / leftover).unlink(missing_ok=True)


def base_url() -> str:
    url = os.environ.get("SITE_URL", DEFAULT_BASE_URL)
    return url if url.endswith("/") else url + "/"


def build(target: Path, message_lang: str) -> int:
    try:
        backend = editor.published_backend(os.environ)
        result = build_site(
            site.records_root(ROOT), target, base_url(), render_language, backend, parallel=True
        )
    except (MkDocsException, BuildBusy, SearchIndexError, editor.EditorSetupError, forked.StepFailed) as error:
        print(f"Build failed: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Build failed: {os_error_line(error, target)}", file=sys.stderr)
        return 1
    if isinstance(result, Loaded):
        print(problems.format_report(result.problems, message_lang), file=sys.stderr)
        return 1
    total = result.validation_s + result.photos_s + result.pages_s + result.search_s
    print(
        f"Built {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target} in {total:.1f} s "
        f"(validation {result.validation_s:.1f} s, photos {result.photos_s:.1f} s, "
        f"pages {result.pages_s:.1f} s, search {result.search_s:.1f} s)",
        flush=True,
    )
    if backend:
        where = f"sign-in: {backend.auth_url}, pull requests to {backend.repo}"
        print(f"Web editor published at {editor.PUBLISHED_DIR}/ ({where})")
    return 0


class Browsed:
    """Which languages the preview's visitors look at, so a save rebuilds only those.

    A language is "browsed" when a page or file under /<lang>/ was requested since the last
    rebuild started (the open tab reloads after each rebuild and so asks again); when nobody
    asked, the last language requested. The languages a rebuild skipped are stale: the first
    request for one of them starts a rebuild of it, and the page reloads when it is done."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._since_last: set[str] = set()
        self._last = DEFAULT_CODE
        self._stale: set[str] = set()

    def visit(self, path: str) -> bool:
        """Note a request; True when it asks for a stale language (a rebuild is wanted)."""
        code = path.strip("/").split("/", 1)[0]
        if code not in CODES:
            return False
        with self._lock:
            self._since_last.add(code)
            self._last = code
            return code in self._stale

    def take(self) -> list[str]:
        """The languages to rebuild now (the others become stale)."""
        with self._lock:
            wanted = self._since_last or {self._last}
            self._since_last = set()
            self._stale = (self._stale | set(CODES)) - wanted
            return [code for code in CODES if code in wanted]


class Failure:
    """The preview's last build error (None once a build succeeds), shown in the browser."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._text: str | None = None

    def set(self, text: str | None) -> None:
        with self._lock:
            self._text = text

    def get(self) -> str | None:
        with self._lock:
            return self._text


def failure_page(text: str, path: str) -> bytes:
    """The page a preview shows instead of a stale one while the build fails: in the language of
    the requested path, with the problems (file:line, field, fix) as the terminal prints them."""
    code = path.strip("/").split("/", 1)[0]
    lang = code if code in CODES else DEFAULT_CODE
    strings = i18n.strings(lang)
    body = (
        f'<!doctype html><html lang="{language(lang).html_lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(strings['preview_failed_title'])}</title></head><body>"
        f"<h1>{escape(strings['preview_failed_title'])}</h1><p>{escape(strings['preview_failed_text'])}</p>"
        f'<pre style="white-space:pre-wrap">{escape(text)}</pre></body></html>'
    )
    return body.encode("utf-8")


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server that tells ``Browsed`` which language each request is for, and
    shows the last build error instead of a page until the build works again."""

    def __init__(self, browsed: Browsed, failure: Failure, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.browsed = browsed
        self.failure = failure

    def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "")
        if "\x00" in path:  # `%00`: no file system takes it; answer 400, not a crash (500)
            start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"400 Bad Request: the path contains a NUL character\n"]
        if not path.startswith("/livereload/") and self.browsed.visit(path):
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()
        failed = self.failure.get()
        if failed and (path.endswith("/") or path.endswith(".html")):
            # The page reloads by itself (live-reload script) as soon as a build works again.
            page = self._inject_js_into_html(failure_page(failed, path), self._visible_epoch)  # type: ignore[no-untyped-call]
            start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8")])
            return [page]
        return super()._serve_request(environ, start_response)


def serve(host: str, port: int, message_lang: str, all_languages: bool = False) -> int:
    """Build everything once, then on each save rebuild the languages being browsed (all three
    with ``all_languages``); the search index is refreshed by the full builds only."""
    # Stopped by a service manager or a test (SIGTERM) as by Ctrl-C: the preview folder is removed.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    preview = Path(tempfile.mkdtemp(prefix="miftah-preview-")) / "site"
    browsed = Browsed()
    failure = Failure()
    first = True

    def rebuild() -> None:
        """Never raises: an exception out of here would leave MkDocs' server waiting for a build
        that never comes, and every request would hang. A failure is shown in the browser."""
        nonlocal first
        forget_data_files()
        try:
            if first or all_languages or not (preview / DEFAULT_CODE).is_dir():
                failed = _build_reporting(preview, message_lang)
                first = failed is not None
                failure.set(failed)
                return
            failure.set(_rebuild_languages(preview, browsed.take(), message_lang))
        except Exception as error:  # a template or hook error: one line, never a hang
            failure.set(f"{type(error).__name__}: {error}")
            print(f"Build failed: {type(error).__name__}: {error}", file=sys.stderr)

    # The server logs a 404 or the failure page (500) as a WARNING of "mkdocs.livereload"; MkDocs'
    # strict mode counts every warning of "mkdocs.*" during a build, so a request answered while a
    # rebuild runs would abort it ("Aborted with 1 warnings"). Its log goes to its own handler.
    requests_log = logging.getLogger("mkdocs.livereload")
    requests_log.propagate = False
    requests_log.addHandler(logging.StreamHandler())
    rebuild()
    server = PreviewServer(browsed, failure, builder=rebuild, host=host, port=port, root=str(preview))
    server.error_handler = lambda code: _error_page(preview, code)
    records = site.records_root(ROOT)
    for path in {*(ROOT / name for name in WATCHED), records / "products", records / "cooperatives"}:
        server.watch(str(path))
    try:
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(preview.parent, ignore_errors=True)  # nothing of the preview stays in /tmp
    return 0


def _build_reporting(preview: Path, message_lang: str) -> str | None:
    """A full build of the preview; the problems' text when it fails (also printed)."""
    try:
        result = build_site(site.records_root(ROOT), preview, base_url(), render_language)
    except (MkDocsException, BuildBusy, SearchIndexError) as error:
        return _failed(str(error))
    if isinstance(result, Loaded):
        return _failed(problems.format_report(result.problems, message_lang))
    print(f"Built preview in {result.pages_s + result.search_s:.1f} s", flush=True)
    return None


def _rebuild_languages(preview: Path, codes: list[str], message_lang: str) -> str | None:
    started = time.perf_counter()
    try:
        result = build_languages(site.records_root(ROOT), preview, base_url(), render_language, codes)
    except MkDocsException as error:
        return _failed(str(error))
    if isinstance(result, Loaded):
        return _failed(problems.format_report(result.problems, message_lang))
    print(f"Rebuilt preview ({', '.join(codes)}) in {time.perf_counter() - started:.2f} s", flush=True)
    return None


def _failed(text: str) -> str:
    print(f"Build failed:\n{text}", file=sys.stderr)
    return text


def _error_page(preview: Path, code: int) -> bytes | None:
    """The root 404 page (it shows the language of the requested path), as static hosts do."""
    page = preview / "404.html"
    return page.read_bytes() if code == 404 and page.is_file() else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=("build", "serve"))
    parser.add_argument("--site-dir", type=Path, default=ROOT / site.SITE_DIR)
    parser.add_argument("--lang", choices=problems.MESSAGE_LANGUAGES, help="language of record messages")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--all-languages", action="store_true", help="serve: rebuild all three languages on every save"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s - %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    message_lang = site.message_language(args.lang)
    if args.command == "serve":
        return serve(args.host, args.port, message_lang, args.all_languages)
    return build(args.site_dir.resolve(), message_lang)


if __name__ == "__main__":
    sys.exit(main())
