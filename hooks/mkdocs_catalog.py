"""MkDocs glue for the Miftah Souk catalog: MkDocs events → calls into the ``miftah`` package.

No business logic lives here. One MkDocs build renders one language (``scripts/site.py`` runs
one build per language with mkdocs-static-i18n's ``build_only_locale``), so every module-level
value is reset in ``on_config``; records and photos are memoised inside ``miftah`` and cost
nothing on the second and third language pass.

Events used (priority in brackets; mkdocs-static-i18n uses -100 for its own):
- on_config (0): pick up the build language, load and validate the catalog (a PluginError
  listing every problem when a record is wrong), set the site name in that language.
- on_files (-200, after i18n has chosen the language's files): add one generated page per
  catalog page (its Markdown is a fixed heading, never record text); i18n never sees them,
  which avoids its "unhandled file" and TypeError traps.
- on_nav (0): the home page's tab title in the build language.
- on_page_markdown (0): give each catalog page its template, escaped title and description.
- on_page_context / on_template_context (0): hand templates their view model and strings;
  point Material's language switcher at the same page in the other languages.
- on_post_page (-200): the precise ``<html lang>`` (Material prints "zh", we need "zh-Hans").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from miftah import clock, i18n
from miftah.catalog.loading import load_catalog
from miftah.catalog.problems import format_report
from miftah.languages import CODES, DEFAULT_CODE, language
from miftah.media import formats, images
from miftah.publishing import site
from miftah.views.pages import FACETS_PATH, PageMaker, PageModel


@dataclass
class _LanguageBuild:
    """What one language's build keeps between MkDocs events (made anew by ``on_config``)."""

    lang: str
    maker: PageMaker
    identity: dict[str, str]
    root: Path  # the records' root, whose .cache holds the build's caches
    pages: dict[str, PageModel] = field(default_factory=dict)  # by MkDocs source path


_current: _LanguageBuild | None = None


def _build() -> _LanguageBuild:
    assert _current is not None, "on_config makes the build's state before any other event"
    return _current


# The section roots that mkdocs.yml's nav names as "<section>/index.md"; every other page is
# "<address>.md" (products/argan-oil/ ← products/argan-oil.md), the home page "index.md".
SECTION_ROOTS = ("products/", "cooperatives/")


def source_path(url: str) -> str:
    """The MkDocs source path a generated page is read from, for its address (directory URLs)."""
    if not url:
        return "index.md"
    return f"{url}index.md" if url in SECTION_ROOTS else f"{url.rstrip('/')}.md"


_HTML_LANG = re.compile(r'<html lang="[^"]*"')
# The Markdown of every generated page: never a record's text, which is plain text (a name with
# "[bio](bio)" or "{ #ms-inquiry-data }" must not become a link or an id). The templates print
# the model; the title comes from page.meta; this heading only gives Material's skip link (the
# first table-of-contents entry) a fixed target, the id of the templates' <h1>.
GENERATED_MARKDOWN = "# ms-heading\n"
TEMPLATE_CACHE = Path(".cache") / "templates"  # under the records' root, beside the photo cache


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _current
    _current = None
    lang = config.plugins["i18n"].config.build_only_locale or DEFAULT_CODE
    root = site.records_root(Path(config.config_file_path).parent)
    loaded = load_catalog(root)
    if loaded.catalog is None:
        raise PluginError("\n" + format_report(loaded.problems, site.message_language()))
    cache_dir = root / formats.PHOTO_CACHE
    base = site.site_base(config.site_url or "")

    def render(path: Path, kind: str) -> formats.Rendition:
        return images.render_photo(path, cache_dir, kind)  # cached: encoded once by the build

    maker = PageMaker(loaded.catalog, lang, render, base, clock.today(), root / ".cache" / "qr")
    identity = site.identity(loaded.catalog.programme, lang)
    _current = _LanguageBuild(lang, maker, identity, root)
    config.site_name = identity["name"]
    config.site_description = identity["description"]
    return config


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Each language's build is a new MkDocs process state that would compile Material's
    # templates again (~0.3 s a language); Jinja keys the compiled code by each template's text.
    cache = _build().root / TEMPLATE_CACHE
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env


@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _build()
    for model in build.maker.all_pages():
        source = source_path(model.url)
        files.append(File.generated(config, source, content=GENERATED_MARKDOWN))
        build.pages[source] = model
    files.append(File.generated(config, FACETS_PATH, content=build.maker.facets_json()))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    for page in nav.pages:
        if page.is_homepage:  # the home page's heading is a sentence: the tab says "Home"
            page.title = i18n.t(_build().lang, "nav_home")
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    model = _build().pages.get(page.file.src_uri)
    if model is not None:
        page.meta["template"] = model.template
        page.meta["hide"] = ["navigation", "toc"]  # catalog pages use the whole width
        # Material prints meta title and description without escaping: escape them here.
        page.meta["title"] = str(escape(model.title))
        page.meta["description"] = str(escape(model.description))
    return markdown


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    model = _build().pages.get(page.file.src_uri)
    if page.is_homepage:
        model = _build().maker.home_page()
    view = model.view if model else None
    path = site.page_path(page.url)
    config.extra["alternate"] = [
        {"name": i18n.t(code, "language_name"), "link": f"../{code}/{path}", "lang": language(code).html_lang}
        for code in CODES
    ]
    context["souk"] = _template_data(config, view, path)
    context["souk"]["page"] = model
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    context["souk"] = _template_data(config, None, None)  # the 404 page: no canonical, not indexed
    return context


def _template_data(config: MkDocsConfig, view: object, path: str | None) -> dict[str, Any]:
    lang = _build().lang
    return {
        "page": None,
        "view": view,
        "t": i18n.strings(lang),
        "site": _build().identity,
        "language_base": f"{site.site_base(config.site_url or '')}{lang}/",  # absolute, for rel links
        "head": site.head_links(site.site_base(config.site_url or ""), lang, path)
        if path is not None
        else None,
        "html_lang": language(lang).html_lang,
    }


def _precise_html_lang(output: str) -> str:
    return _HTML_LANG.sub(f'<html lang="{language(_build().lang).html_lang}"', output, count=1)


@event_priority(-200)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _precise_html_lang(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return _precise_html_lang(output)  # the 404 page
