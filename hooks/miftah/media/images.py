"""The image pipeline: originals → small, upright, sRGB, metadata-free renditions, cached.

This module is the cache and the process pool; the steps are modules of their own:
``formats`` (limits, formats, kinds, what a rendition is), ``inspection`` (checking a file
without encoding it) and ``encoding`` (one image into every width and format of its kind).

Three kinds of image go through it (``KINDS``): product photos, cooperative logos and WeChat QR
codes. Photos and logos become AVIF, WebP and a JPEG (or PNG) fallback at a few widths; QR codes
stay lossless and are only ever scaled by whole factors, so every module keeps sharp edges.

Opening is safe: only JPEG, PNG and WebP are read (an explicit format allow-list), with limits
on file size, pixel count and aspect ratio. ``inspect_image`` finds every problem without
encoding anything (``make check`` calls it through ``photocheck``); the encoder relies on it.

Normalising: EXIF orientation applied; the embedded ICC profile (CMYK, Display P3, ProPhoto…)
converted to sRGB; 16-bit images scaled, not clipped; palette transparency and alpha kept in
AVIF/WebP and flattened onto white for JPEG. Nothing of the original's metadata (EXIF, GPS, XMP,
comments, ICC profile) reaches an output: each output is saved from pixels with an empty info.

Cache: each rendition is keyed by the file's content hash and the settings of its kind, in
``<records root>/.cache/photos/`` (ignored by git; keep it between CI runs to skip encoding).
Its manifest records the size and SHA-256 of every output file; ``render_photos`` checks them
on every build and encodes a damaged entry again (saying so), and ``publish`` copies (never
links) the checked bytes into the site, so damaging the cache can never damage a site.
``render_photos`` encodes what the cache lacks in a process pool using every core; every
encoder runs with ``ENCODER_THREADS`` whatever the path, so the bytes never depend on the
machine. Temporary files carry their process id (``.tmp-<pid>-…``): removed on failure, and
swept at the start of the next build when their process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from miftah.media.encoding import encode_image, write_atomically
from miftah.media.formats import (
    ENCODER_THREADS,
    KINDS,
    MEDIA_DIR,
    PLACEHOLDER_WEBP_QUALITY,
    PLACEHOLDER_WIDTH_PX,
    QR_MAX_OUTPUT_PX,
    QR_MIN_OUTPUT_PX,
    SETTINGS_VERSION,
    TEMPORARY_PREFIX,
    CacheDamaged,
    Finding,
    Rendition,
    Variant,
)
from miftah.media.inspection import inspect_image
from miftah.media.statmemo import MEMO_FILE, StatMemo

log = logging.getLogger("miftah")

# ---------------------------------------------------------------------------------------------
# Rendering, with the cache


_stat_memos: dict[str, StatMemo] = {}
_rendition_memo: dict[tuple[str, str], Rendition] = {}


def stat_memo(cache_dir: Path) -> StatMemo:
    """The file hashes remembered in ``cache_dir`` (read once per process)."""
    folder = str(cache_dir.absolute())
    if folder not in _stat_memos:
        _stat_memos[folder] = StatMemo(Path(folder) / MEMO_FILE)
    return _stat_memos[folder]


def forget_stat_memos() -> None:
    """Read the memos from disk again at their next use (a test, a benchmark starting cold)."""
    _stat_memos.clear()


def settings_fingerprint(kind: str) -> str:
    """What shapes the outputs of one kind: part of every cache key."""
    settings = {"version": SETTINGS_VERSION, "kind": kind, **asdict(KINDS[kind])}
    settings["placeholder"] = (PLACEHOLDER_WIDTH_PX, PLACEHOLDER_WEBP_QUALITY)
    settings["qr"] = (QR_MIN_OUTPUT_PX, QR_MAX_OUTPUT_PX)
    return json.dumps(settings, sort_keys=True, default=str)


def content_key(path: Path, kind: str, cache_dir: Path) -> str:
    """Hash of the image's bytes and of its kind's settings, remembered on the file's stat in
    ``cache_dir`` (``statmemo``)."""
    settings, purpose = _key_settings(kind)

    def digest(source: Path) -> str:
        return hashlib.sha256(settings + source.read_bytes()).hexdigest()[:20]

    return stat_memo(cache_dir).value(path, purpose, digest)


@functools.cache  # once per kind, not once per photo and build
def _key_settings(kind: str) -> tuple[bytes, str]:
    """A kind's settings as hashed into its content keys, and the memo's name for those keys."""
    settings = settings_fingerprint(kind).encode()
    return settings, f"key-{kind}-{hashlib.sha256(settings).hexdigest()[:12]}"


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def render_photo(path: Path, cache_dir: Path, kind: str = "photo") -> Rendition:
    """The renditions of one image, encoding them only when the cache does not have them."""
    key = content_key(path, kind, cache_dir)
    memo = _rendition_memo.get((key, str(cache_dir)))  # checked by this build's render_photos
    if memo is not None:
        return memo
    cached = _checked(path, key, cache_dir)
    if cached is not None:
        return cached
    data = encode_image(str(path), key, str(cache_dir), kind, ENCODER_THREADS)
    return _remember(key, cache_dir, _rendition_from(data))


Progress = Callable[[int, int, int], None]  # (done, total, cache hits)


def render_photos(
    paths: Sequence[Path],
    cache_dir: Path,
    kind: str = "photo",
    workers: int | None = None,
    progress: Progress | None = None,
) -> list[Rendition]:
    """The renditions of many images, in order; what the cache lacks is encoded in a process
    pool of ``workers`` (default: every core). ``progress`` is called after each image."""
    sweep_temporary(cache_dir)
    keys = [content_key(path, kind, cache_dir) for path in paths]
    found: dict[str, Rendition] = {}
    missing: dict[str, Path] = {}
    for path, key in zip(paths, keys, strict=True):
        cached = found.get(key) or _checked(path, key, cache_dir)
        if cached is not None:
            found[key] = cached
        else:
            missing.setdefault(key, path)
    hits = len(paths) - sum(1 for key in keys if key in missing)
    done = hits
    if progress:
        progress(done, len(paths), hits)
    workers = max(1, min(workers or os.cpu_count() or 1, len(missing)))
    per_key = {key: sum(1 for k in keys if k == key) for key in missing}
    if workers == 1:
        for key, path in missing.items():
            data = encode_image(str(path), key, str(cache_dir), kind, ENCODER_THREADS)
            found[key] = _remember(key, cache_dir, _rendition_from(data))
            done += per_key[key]
            if progress:
                progress(done, len(paths), hits)
    elif missing:
        # spawn, not fork: the dev server runs threads, and a forked child could inherit a lock
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            futures = {
                pool.submit(encode_image, str(path), key, str(cache_dir), kind, ENCODER_THREADS): key
                for key, path in missing.items()
            }
            for future in as_completed(futures):
                key = futures[future]
                found[key] = _remember(key, cache_dir, _rendition_from(future.result()))
                done += per_key[key]
                if progress:
                    progress(done, len(paths), hits)
    return [found[key] for key in keys]


def publish(renditions: Iterable[Rendition], cache_dir: Path, site_dir: Path) -> None:
    """Copy the files of the given renditions into ``site_dir/media``, each checked against its
    recorded size and hash on the way: a copy, never a link, so the site shares no inode with
    the cache. Raises ``CacheDamaged`` when a file changed since ``render_photos`` checked it."""
    target = site_dir / MEDIA_DIR
    target.mkdir(parents=True, exist_ok=True)
    for rendition in renditions:
        for name, size, sha256 in rendition.checks:
            published = target / name
            if published.exists():  # names carry the content hash: an existing file is this one
                continue
            data = (cache_dir / name).read_bytes()
            if len(data) != size or hashlib.sha256(data).hexdigest() != sha256:
                _rendition_memo.clear()
                # Removed, so that the next build encodes it again even where its stat did not
                # move (the stat memo would otherwise vouch for it again).
                (cache_dir / name).unlink(missing_ok=True)
                message = "changed or damaged during the build: removed, run the build again"
                raise CacheDamaged(errno.EIO, message, str(cache_dir / name))
            write_atomically(published, data)


def _checked(source: Path, key: str, cache_dir: Path) -> Rendition | None:
    """The cached rendition when its manifest and every file are whole, else None (a miss: it
    is encoded again, with a warning when the entry was there but damaged)."""
    manifest = cache_dir / f"{key}.json"
    if not manifest.is_file():
        return None
    try:
        rendition = _rendition_from(json.loads(manifest.read_bytes()))
        damage = _damage(rendition, cache_dir)
    except (OSError, ValueError, KeyError, TypeError) as error:
        damage = f"{manifest.name} unreadable ({type(error).__name__})"
    if damage:
        log.warning("photo cache: %s; encoding %s again", damage, source)
        return None
    return _remember(key, cache_dir, rendition)


def _damage(rendition: Rendition, cache_dir: Path) -> str:
    """What is wrong with a cached rendition's files ('' when every one is as recorded)."""
    if not rendition.checks or len(rendition.checks) != len(rendition.variants):
        return "an entry without sizes and hashes (an older cache)"
    for name, size, sha256 in rendition.checks:
        path = cache_dir / name
        if not path.is_file():
            return f"{name} is missing"
        if path.stat().st_size != size:
            return f"{name} has {path.stat().st_size} bytes, not {size}"
        if stat_memo(cache_dir).value(path, "sha256", _file_sha256) != sha256:
            return f"{name} does not match its recorded SHA-256"
    return ""


def sweep_temporary(cache_dir: Path) -> list[Path]:
    """Remove temporary files whose process is gone (killed while writing); returns them."""
    removed = []
    for path in cache_dir.glob(TEMPORARY_PREFIX + "*") if cache_dir.is_dir() else []:
        pid = path.name[len(TEMPORARY_PREFIX) :].split("-", 1)[0]
        if not pid.isdigit() or not _alive(int(pid)):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remember(key: str, cache_dir: Path, rendition: Rendition) -> Rendition:
    _rendition_memo[(key, str(cache_dir))] = rendition
    return rendition


def _rendition_from(data: dict[str, Any]) -> Rendition:
    variants = tuple(Variant(**variant) for variant in data["variants"])
    checks = tuple((str(name), int(size), str(sha)) for name, size, sha in data.get("checks", []))
    placeholder = data.get("placeholder", "")
    return Rendition(variants, data["width"], data["height"], data["colour"], placeholder, checks)


INSPECTION_VERSION = 2  # raise when inspect_image finds something new: cached verdicts are redone


def inspect_image_cached(path: Path, kind: str, cache_dir: Path) -> list[Finding]:
    """``inspect_image``, remembered in the photo cache by content hash (the same hash the
    encoder uses, computed once per build): an unchanged image is not opened again."""
    try:
        key = content_key(path, kind, cache_dir)
    except OSError:
        return inspect_image(path, kind)
    verdict = cache_dir / f"{key}.inspected-{INSPECTION_VERSION}.json"
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        found = json.loads(verdict.read_text())
        return [Finding(item["code"], item["params"], item["level"]) for item in found]
    findings = inspect_image(path, kind)
    with contextlib.suppress(OSError, TypeError, ValueError):  # a verdict not kept is redone
        text = json.dumps([{"code": f.code, "params": f.params, "level": f.level} for f in findings])
        cache_dir.mkdir(parents=True, exist_ok=True)
        write_atomically(verdict, text.encode())
    return findings
