"""One whole build, step by step, independent of the page generator.

validate the records → encode the photos → render each language (a callable given by the
generator adapter, today MkDocs) → content-hashed asset names → shared photos, root pages,
sitemap → search index → swap into place. Everything is written to a fresh folder beside the
target and exchanged with it in one atomic step only when every step succeeded (``sitedir``),
so a failed or killed build leaves the previous site whole; one build at a time per target.
"""

from __future__ import annotations

import functools
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from miftah import i18n
from miftah.catalog import claims, loading, problems, taxonomy
from miftah.catalog.kinds import files_of
from miftah.catalog.loading import Loaded, load_catalog
from miftah.catalog.records import Catalog
from miftah.catalog.schema import Cooperative, Product, Programme
from miftah.editing import editor
from miftah.languages import CODES, DEFAULT_CODE
from miftah.media import formats, images
from miftah.publishing import forked, search, searchcache, site, sitedir
from miftah.views import formatting

log = logging.getLogger("miftah")

RenderLanguage = Callable[[str, Path, str], None]  # (language, output folder, its site URL)
PROGRESS_EVERY_S = 3.0


@dataclass(frozen=True)
class Timings:
    validation_s: float
    photos_s: float
    pages_s: float
    search_s: float


@dataclass(frozen=True)
class _Prepared:
    """What every build does first: the validated catalog and its encoded images."""

    catalog: Catalog
    renditions: list[formats.Rendition]
    validation_s: float
    photos_s: float


def _prepare(root: Path) -> Loaded | _Prepared:
    started = time.perf_counter()
    loaded = load_catalog(root)
    if loaded.catalog is None:
        return loaded
    validated = time.perf_counter()
    renditions = prepare_photos(loaded.catalog, root / formats.PHOTO_CACHE)
    images.stat_memo(root / formats.PHOTO_CACHE).save()  # the hashes of validation and photos
    return _Prepared(loaded.catalog, renditions, validated - started, time.perf_counter() - validated)


def build_site(
    root: Path,
    target: Path,
    base_url: str,
    render_language: RenderLanguage,
    editor_backend: editor.Backend | None = None,
    parallel: bool = False,
) -> Loaded | Timings:
    """Build the whole site into ``target`` (with the web editor at ``edit/`` when given its
    backend), with its languages and photos written side by side in forked processes when
    ``parallel`` (only where no other thread runs: ``forked``); the ``Loaded`` result when a
    record has errors. Raises ``sitedir.BuildBusy`` when another build is writing ``target``."""
    with sitedir.exclusive(target):
        sitedir.sweep_leftovers(target)
        workdir = sitedir.new_workdir(target)
        try:
            pages = functools.partial(_pages, root, workdir, base_url, render_language, parallel)
            # In parallel, the records are read in a child that ends before the search step: at
            # 3,000 products they hold ~250 MB that Python never gives back, beside Pagefind's
            # 1.4 GB (the peak of the whole build; benchmarks/build-performance.md).
            done = forked.run_apart("the pages", pages) if parallel else pages()
            if isinstance(done, Loaded):
                return done
            search_started = time.perf_counter()
            search.index_site(workdir, root / searchcache.SEARCH_CACHE)
            if editor_backend:
                editor.publish(root, workdir, editor_backend)
            sitedir.make_readable(workdir)
            sitedir.swap_into_place(workdir, target)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    return replace(done, search_s=time.perf_counter() - search_started)


def _pages(
    root: Path, workdir: Path, base_url: str, render_language: RenderLanguage, parallel: bool
) -> Loaded | Timings:
    """Every file of the site but the search index into ``workdir`` (the records' problems
    instead when they have errors)."""
    prepared = _prepare(root)
    if isinstance(prepared, Loaded):
        return prepared
    if parallel:
        loading.forget_readings()
    started = time.perf_counter()
    jobs: dict[str, forked.Job] = {
        f"the {code} pages": functools.partial(_render_language, render_language, code, workdir, base_url)
        for code in CODES
    }
    jobs["the photos"] = functools.partial(
        images.publish, prepared.renditions, root / formats.PHOTO_CACHE, workdir
    )
    # Every step at once even on two cores: the languages differ in length (zh is the longest),
    # and three processes sharing two cores end sooner than two followed by the third.
    forked.run_all(jobs, workers=len(jobs) if parallel and forked.usable_cores() > 1 else 1)
    site.write_root_pages(
        workdir, base_url, site.built_page_paths(workdir / DEFAULT_CODE), prepared.catalog.programme
    )
    return Timings(prepared.validation_s, prepared.photos_s, time.perf_counter() - started, 0.0)


def _render_language(render_language: RenderLanguage, code: str, workdir: Path, base_url: str) -> None:
    render_language(code, workdir / code, f"{base_url}{code}/")
    site.fingerprint_assets(workdir / code)


def build_languages(
    root: Path, target: Path, base_url: str, render_language: RenderLanguage, codes: list[str]
) -> Loaded | Timings:
    """Preview only: rebuild the languages ``codes`` of a site that ``build_site`` built into
    ``target``, each swapped in whole; the other languages, the root pages and the search index
    are left as they were (never for a release: ``build_site`` rebuilds everything)."""
    prepared = _prepare(root)
    if isinstance(prepared, Loaded):
        return prepared
    started = time.perf_counter()
    for code in codes:
        workdir = sitedir.new_workdir(target / code)
        try:
            _render_language(render_language, code, workdir, base_url)
            sitedir.swap_into_place(workdir / code, target / code)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    images.publish(prepared.renditions, root / formats.PHOTO_CACHE, target)
    return Timings(prepared.validation_s, prepared.photos_s, time.perf_counter() - started, 0.0)


def forget_data_files() -> None:
    """Drop every data file read once per process (strings, vocabularies, messages, claims,
    rates): the preview server calls it before each rebuild, since any of them may be edited."""
    for cached in (
        i18n.strings,
        taxonomy.vocabulary,
        taxonomy.aliases,
        problems.catalogue,
        claims.claims,
        formatting.rates,
    ):
        cached.cache_clear()


def images_to_render(catalog: Catalog) -> dict[str, list[Path]]:
    """Every image the site shows, by kind: product photos, logos, WeChat QR codes (the
    schema says which fields name them; documents are linked, never encoded)."""
    wanted: dict[str, list[Path]] = {"photo": [], "logo": [], "qr": []}
    shown: list[Product | Cooperative | Programme] = [
        *catalog.published_products(),
        *catalog.cooperatives.values(),
        catalog.programme,
    ]
    for record in shown:
        for _field, name, role in files_of(record):
            if role in wanted:
                wanted[role].append(record.folder / name)
    return wanted


def prepare_photos(catalog: Catalog, cache_dir: Path) -> list[formats.Rendition]:
    """Encode every image the cache lacks on every core, logging progress on long runs."""
    started = last_report = time.perf_counter()

    def report(done: int, total: int, hits: int) -> None:
        nonlocal last_report
        now = time.perf_counter()
        if now - last_report < PROGRESS_EVERY_S:
            return
        encoded = done - hits
        left = (now - started) / encoded * (total - done) if encoded else 0.0
        message = "photos %d/%d (%d from the cache), %.0f s elapsed, about %.0f s left"
        log.info(message, done, total, hits, now - started, left)
        last_report = now

    renditions = []
    for kind, paths in images_to_render(catalog).items():
        renditions += images.render_photos(paths, cache_dir, kind=kind, progress=report)
    return renditions
