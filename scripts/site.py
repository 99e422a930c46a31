"""Build or preview the site: `python scripts/site.py build|serve`.

The steps live in ``miftah.build``; this front only supplies the MkDocs part (one
``mkdocs build`` per language, with mkdocs-static-i18n's ``build_only_locale``) and the
live-reload server of ``mkdocs serve``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.commands.build import build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import MkDocsException  # noqa: E402
from mkdocs.livereload import LiveReloadServer  # noqa: E402

from miftah import i18n, problems, site, taxonomy  # noqa: E402
from miftah.build import build_site  # noqa: E402
from miftah.loading import Loaded  # noqa: E402

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
        result = build_site(site.records_root(ROOT), target, base_url(), render_language)
    except MkDocsException as error:
        print(f"Build failed: {error}", file=sys.stderr)
        return 1
    if isinstance(result, Loaded):
        print(problems.format_report(result.problems, message_lang), file=sys.stderr)
        return 1
    total = result.validation_s + result.photos_s + result.pages_s + result.search_s
    print(
        f"Built {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target} in {total:.1f} s "
        f"(validation {result.validation_s:.1f} s, photos {result.photos_s:.1f} s, "
        f"pages {result.pages_s:.1f} s, search {result.search_s:.1f} s)"
    )
    return 0


def serve(host: str, port: int, message_lang: str) -> int:
    preview = Path(tempfile.mkdtemp(prefix="miftah-preview-")) / "site"

    def rebuild() -> None:
        for cached in (i18n.strings, taxonomy.vocabulary, problems._catalogue):
            cached.cache_clear()  # strings and vocabularies may have been edited
        build(preview, message_lang)

    rebuild()
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(preview))
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
    return 0


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
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s - %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    message_lang = site.message_language(args.lang)
    if args.command == "serve":
        return serve(args.host, args.port, message_lang)
    return build(args.site_dir.resolve(), message_lang)


if __name__ == "__main__":
    sys.exit(main())
