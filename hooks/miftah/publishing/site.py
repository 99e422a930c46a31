"""Site-wide pieces that no single page owns: URLs and alternates, the root pages (language
chooser, 404, sitemap, robots.txt) and content-hashed names for our own assets and Material's
pruned stylesheets.
"""

from __future__ import annotations

from miftah import DATA_DIR

import functools
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from miftah import i18n
from miftah.languages import CODES, DEFAULT_CODE, LANGUAGES, language
from miftah.catalog.problems import MESSAGE_LANGUAGES
from miftah.catalog.schema import Programme
from miftah.publishing import cssprune

SITE_DIR = "site"
_TEMPLATES = DATA_DIR / "templates"


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str


@dataclass(frozen=True)
class HeadLinks:
    canonical: str
    alternates: tuple[Alternate, ...]  # every language, itself included, then x-default


def records_root(repository: Path) -> Path:
    """Where products/ and cooperatives/ are read from: the repository, unless MIFTAH_RECORDS
    names another folder (tests and the benchmark build catalogs of their own)."""
    return Path(os.environ.get("MIFTAH_RECORDS") or repository).resolve()


def message_language(requested: str | None = None) -> str:
    """Language of contributor messages: the one asked for, else the environment's locale."""
    if requested in MESSAGE_LANGUAGES:
        return requested
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value[:2] in MESSAGE_LANGUAGES:
            return value[:2]
    return "en"


def page_path(url: str) -> str:
    """A page's path below its language root ('' for the home page, 'products/x/' …)."""
    return "" if url in ("", ".", "./") else url


def site_base(language_site_url: str) -> str:
    """The site's root URL, from the site_url of one language build (``…/zh/`` → ``…/``)."""
    base = language_site_url.rstrip("/")
    for code in CODES:
        if base.endswith("/" + code):
            return base[: -len(code)]
    return base + "/"


def head_links(base: str, lang: str, path: str) -> HeadLinks:
    alternates = [Alternate(language(code).html_lang, f"{base}{code}/{path}") for code in CODES]
    alternates.append(Alternate("x-default", f"{base}{DEFAULT_CODE}/{path}"))
    return HeadLinks(f"{base}{lang}/{path}", tuple(alternates))


@functools.cache
def _environment() -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(_TEMPLATES)
    return jinja2.Environment(loader=loader, autoescape=True, keep_trailing_newline=True)


def write_root_pages(site_dir: Path, base: str, page_paths: list[str], programme: Programme) -> None:
    """The language chooser at /, the 404 page for any path, the sitemap and robots.txt."""
    base_path = urlsplit(base).path or "/"
    languages = [
        {
            "code": lang.code,
            "html_lang": lang.html_lang,
            "name": i18n.t(lang.code, "language_name"),
            "t": i18n.strings(lang.code),
            "site": identity(programme, lang.code),
        }
        for lang in LANGUAGES
    ]
    context = {"languages": languages, "default": DEFAULT_CODE, "base_path": base_path}
    for template, target in (("root-index.html", "index.html"), ("root-404.html", "404.html")):
        (site_dir / target).write_text(_environment().get_template(template).render(context), "utf-8")
    urls = [head_links(base, DEFAULT_CODE, path) for path in page_paths]
    sitemap = _environment().get_template("sitemap.xml").render(pages=urls, codes=CODES)
    (site_dir / "sitemap.xml").write_text(sitemap, "utf-8")
    (site_dir / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n", "utf-8")


def identity(programme: Programme, lang: str) -> dict[str, str]:
    """The site's name, description and footer in one language (from programme/programme.yml)."""
    return {
        "name": programme.name.show(lang).text,
        "description": programme.description.show(lang).text,
        "footer": programme.footer.show(lang).text,
    }


def built_page_paths(language_dir: Path) -> list[str]:
    """Every page of one language's build, as paths below the language root."""
    paths = []
    for index in sorted(language_dir.rglob("index.html")):
        relative = index.parent.relative_to(language_dir).as_posix()
        if relative.split("/")[0] in ("assets", "pagefind"):
            continue
        paths.append("" if relative == "." else relative + "/")
    return paths


ASSETS_DIR = "assets"
STYLESHEETS_DIR = "stylesheets"  # Material's, inside assets/
FINGERPRINT_CHARS = 8


def fingerprint_assets(language_dir: Path) -> dict[str, str]:
    """Cut Material's stylesheets to the rules the pages can use (``cssprune``), give them and
    each of our own assets (catalog.css, catalog.js, favicon.svg: the files directly in
    ``assets/``) a name carrying its content hash, and point every page at them: a page cached
    for a few minutes then never runs with newer CSS or JS. Returns old → new path in assets/."""
    assets = language_dir / ASSETS_DIR
    if not assets.is_dir():  # nothing of ours to name (a bare page)
        return {}
    pages = sorted(language_dir.rglob("*.html"))
    renamed = _pruned_stylesheets(assets, pages) | _hashed_own_assets(assets)
    if not renamed:
        return renamed
    new_names = {old.encode(): new.encode() for old, new in renamed.items()}
    names = b"|".join(re.escape(name) for name in new_names)
    reference = re.compile(rb"%s/(%s)(?=[\"?#])" % (ASSETS_DIR.encode(), names))
    for page in pages:
        html = page.read_bytes()
        changed = reference.sub(lambda found: _pointed_at(found, new_names), html)
        if changed != html:
            page.write_bytes(changed)
    return renamed


def _pointed_at(found: re.Match[bytes], new_names: dict[bytes, bytes]) -> bytes:
    """The reference with its new name, when ``assets/`` starts a path (after a quote or a
    slash). Checked here rather than by a look-behind in the pattern, which kept Python's regular
    expressions from jumping to each "assets/": 0.2 s against 0.02 s for one language's pages."""
    at = found.start()
    if at and found.string[at - 1 : at] in (b'"', b"/"):
        return ASSETS_DIR.encode() + b"/" + new_names[found.group(1)]
    return found.group(0)


def _hashed_own_assets(assets: Path) -> dict[str, str]:
    renamed: dict[str, str] = {}
    for path in sorted(assets.iterdir()):
        if path.is_file() and not re.search(r"\.[0-9a-f]{8}(\.min)?\.[a-z]+$", path.name):
            renamed[path.name] = f"{path.stem}.{_digest(path.read_bytes())}{path.suffix}"
            path.replace(path.with_name(renamed[path.name]))
    return renamed


def _pruned_stylesheets(assets: Path, pages: list[Path]) -> dict[str, str]:
    """Material's ``<name>.<hash>.min.css`` files, pruned, under new hashed names; their source
    maps go (they would describe the whole file)."""
    sheets = sorted((assets / STYLESHEETS_DIR).glob("*.min.css"))
    if not sheets:
        return {}
    used = cssprune.names_in_pages(page.read_bytes() for page in pages)
    for script in sorted(assets.glob("*.js")):
        used |= cssprune.names_in_script(script.read_text("utf-8"))
    renamed: dict[str, str] = {}
    for sheet in sheets:
        pruned = cssprune.prune(sheet.read_text("utf-8"), used).encode("utf-8")
        name = f"{sheet.name.split('.')[0]}.{_digest(pruned)}.min.css"
        if name != sheet.name:
            (sheet.parent / name).write_bytes(pruned)
            sheet.unlink()
            renamed[f"{STYLESHEETS_DIR}/{sheet.name}"] = f"{STYLESHEETS_DIR}/{name}"
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)
    return renamed


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:FINGERPRINT_CHARS]
