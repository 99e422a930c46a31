"""The image pipeline: originals → small, upright, sRGB, metadata-free renditions, cached.

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

import base64
import contextlib
import errno
import hashlib
import io
import json
import logging
import math
import os
import re
import tempfile
import warnings
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from PIL import Image, ImageCms, UnidentifiedImageError

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")  # Pillow's names; nothing else is ever parsed
MAX_FILE_BYTES = 20 * 1024 * 1024  # a 48 MP phone JPEG is ~15 MB
MAX_PIXELS = 40_000_000  # decompression-bomb limit: 40 MP is more than any phone's default
MAX_ASPECT_RATIO = 5  # long side / short side; a 1×50000 image is an attack or a mistake
MIN_PHOTO_WIDTH_PX = 1200  # narrower photos look soft on large screens: a warning
QR_MIN_SOURCE_PX = 120  # below this a WeChat QR code (≈41 modules) cannot have been captured
QR_MIN_OUTPUT_PX = 480  # QR codes are shown at least this wide (whole-factor nearest upscale)
QR_MAX_OUTPUT_PX = 1200  # and reduced by whole factors above this
PLACEHOLDER_WIDTH_PX = 16  # the inline blurred preview shown until the photo arrives
PLACEHOLDER_WEBP_QUALITY = 40
ENCODER_THREADS = 1  # AVIF output differs with the thread count: one, on every path and machine
SETTINGS_VERSION = "3"  # bump when the code changes outputs in a way the settings do not show
MEDIA_DIR = "media"
PHOTO_CACHE = Path(".cache") / "photos"  # under the records' root: encoded photos, by content
TEMPORARY_PREFIX = ".tmp-"
EXIF_ORIENTATION = 0x0112
SWAPPING_ORIENTATIONS = (5, 6, 7, 8)  # these turn the stored image a quarter turn


@dataclass(frozen=True)
class Format:
    extension: str
    mime: str
    pillow_name: str
    options: tuple[tuple[str, Any], ...]  # passed to Image.save
    keeps_alpha: bool


# Quality settings chosen by measurement (benchmarks/photo-quality.md): the smallest setting
# whose SSIM (luma, Gaussian window) against the resized original is ≥ 0.98 on every photo.
# AVIF speed 6: 18 % smaller than speed 9 at the same SSIM for 7× the encoding time, paid once
# (cached) against bytes paid on every view over a slow mobile network.
AVIF = Format("avif", "image/avif", "AVIF", (("quality", 65), ("speed", 6)), True)
WEBP = Format("webp", "image/webp", "WEBP", (("quality", 90), ("method", 4)), True)
JPEG = Format(
    "jpg", "image/jpeg", "JPEG", (("quality", 75), ("optimize", True), ("progressive", True)), False
)
PNG = Format("png", "image/png", "PNG", (("optimize", True),), True)
WEBP_LOSSLESS = Format("webp", "image/webp", "WEBP", (("lossless", True), ("method", 6)), True)


@dataclass(frozen=True)
class Kind:
    """How one kind of image is encoded: its widths and formats (best first, fallback last)."""

    widths_px: tuple[int, ...]
    formats: tuple[Format, ...]
    min_width_px: int  # narrower sources get a warning
    lossless: bool = False  # QR codes: whole-factor nearest scaling, lossless formats


KINDS = {
    # phone at DPR 1–3 and the desktop content width; 1440 lets JPEG draft decoding halve a
    # 3000 px portrait photo (see benchmarks/photo-quality.md)
    "photo": Kind((480, 960, 1440), (AVIF, WEBP, JPEG), MIN_PHOTO_WIDTH_PX),
    "logo": Kind((160, 320, 640), (AVIF, WEBP, PNG), 320),
    "qr": Kind((), (WEBP_LOSSLESS, PNG), QR_MIN_SOURCE_PX, lossless=True),
}


@dataclass(frozen=True)
class Variant:
    file: str  # name inside media/
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class Rendition:
    """Everything a page needs to show one image."""

    variants: tuple[Variant, ...]
    width: int  # of the largest variant: gives the aspect ratio for width/height attributes
    height: int
    colour: str  # average colour, behind the placeholder
    placeholder: str = ""  # tiny blurred preview as a data: URI ("" for images with transparency)
    checks: tuple[tuple[str, int, str], ...] = ()  # (file, size in bytes, SHA-256) of each variant

    def of_type(self, mime: str) -> list[Variant]:
        return [variant for variant in self.variants if variant.mime == mime]


@dataclass(frozen=True)
class Finding:
    """A problem with an image file; its words are in data/problems.yml under ``code``."""

    code: str
    params: dict[str, object] = field(default_factory=dict)
    level: str = "error"


log = logging.getLogger("miftah")


class CacheDamaged(OSError):
    """A cache file changed between its check and its copy into the site."""


class ImageRefused(Exception):
    """An image file that the pipeline will not encode (the check should have said so)."""

    def __init__(self, path: Path, finding: Finding) -> None:
        super().__init__(f"{path}: {finding.code} {finding.params}")
        self.path = path
        self.finding = finding


# ---------------------------------------------------------------------------------------------
# Checking, without encoding


def inspect_image(path: Path, kind: str = "photo") -> list[Finding]:
    """Every problem of one image file, found without encoding it (and without a full decode
    for JPEG and PNG): format, size, pixel count, shape, damage, animation, small size."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as error:
        return [Finding("file_unreadable", {"reason": error.strerror})]
    if size > MAX_FILE_BYTES:
        mib = 1024 * 1024
        params: dict[str, object] = {
            "value": name,
            "size_mb": math.ceil(size / mib),
            "limit_mb": MAX_FILE_BYTES // mib,
        }
        return [Finding("image_file_too_large", params)]
    try:
        with _open(path) as image:
            findings = _shape_findings(image, name, kind)
            if any(finding.level == "error" for finding in findings):
                return findings
            _probe_decode(image, path)
    except _Refusal as refusal:
        return [refusal.finding]
    return findings


INSPECTION_VERSION = 2  # raise when inspect_image finds something new: cached verdicts are redone


def inspect_image_cached(path: Path, kind: str, cache_dir: Path) -> list[Finding]:
    """``inspect_image``, remembered in the photo cache by content hash (the same hash the
    encoder uses, computed once per build): an unchanged image is not opened again."""
    try:
        key = content_key(path, kind)
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
        _write_atomically(verdict, text.encode())
    return findings


class _Refusal(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.code)
        self.finding = finding


def _open(path: Path) -> Image.Image:
    """Open an image with the format allow-list; a refusal names what is wrong."""
    name = path.name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # we check it ourselves
            warnings.simplefilter("ignore", UserWarning)  # "corrupt EXIF…": EXIF is only read for
            # its orientation (unreadable: shown as stored) and never copied to an output
            return Image.open(path, formats=ACCEPTED_FORMATS)
    except Image.DecompressionBombError as error:
        found = re.search(r"\((\d+) pixels\)", str(error))
        megapixels = math.ceil(int(found.group(1)) / 1e6) if found else "?"
        params: dict[str, object] = {
            "value": name,
            "megapixels": megapixels,
            "limit": MAX_PIXELS // 1_000_000,
        }
        raise _Refusal(Finding("image_too_many_pixels", params)) from error
    except UnidentifiedImageError as error:
        detected = _sniff(path)
        if detected:
            raise _Refusal(Finding("image_wrong_format", {"value": name, "format": detected})) from error
        raise _Refusal(Finding("image_not_an_image", {"value": name})) from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:  # a broken header
        raise _Refusal(Finding("image_damaged", {"value": name})) from error


def _sniff(path: Path) -> str:
    """The name of a known non-accepted format from the file's first bytes ('' if none)."""
    with open(path, "rb") as stream:
        head = stream.read(1024)
    brands = {b"heic": "HEIC", b"heix": "HEIC", b"mif1": "HEIC", b"hevc": "HEIC", b"avif": "AVIF"}
    if head[4:8] == b"ftyp":
        return brands.get(head[8:12], "HEIC")
    signatures = {
        b"%PDF": "PDF",
        b"GIF8": "GIF",
        b"II*\x00": "TIFF",
        b"MM\x00*": "TIFF",
        b"BM": "BMP",
        b"8BPS": "PSD",
    }
    for signature, format_name in signatures.items():
        if head.startswith(signature):
            return format_name
    if b"<svg" in head.lower():
        return "SVG"
    return ""


def _shape_findings(image: Image.Image, name: str, kind: str) -> list[Finding]:
    width, height = image.size
    if width * height > MAX_PIXELS:
        params: dict[str, object] = {
            "value": name,
            "megapixels": math.ceil(width * height / 1e6),
            "limit": MAX_PIXELS // 1_000_000,
        }
        return [Finding("image_too_many_pixels", params)]
    if max(width, height) > MAX_ASPECT_RATIO * min(width, height):
        params = {"value": name, "width": width, "height": height, "limit": MAX_ASPECT_RATIO}
        return [Finding("image_aspect_ratio", params)]
    findings = []
    upright_width = height if _orientation(image) in SWAPPING_ORIENTATIONS else width
    if kind == "qr" and min(width, height) < QR_MIN_SOURCE_PX:
        params = {"value": name, "width": width, "height": height, "min_px": QR_MIN_SOURCE_PX}
        findings.append(Finding("qr_too_small", params))
    elif kind != "qr" and upright_width < KINDS[kind].min_width_px:
        params = {"value": name, "width": upright_width, "min_width": KINDS[kind].min_width_px}
        findings.append(Finding("image_narrow", params, "warning"))
    # An MPO (what many phones save) is a JPEG followed by previews or a second view: not animated.
    frames = getattr(image, "n_frames", 1) if image.format != "MPO" else 1
    if frames > 1:
        findings.append(Finding("image_animated", {"value": name, "frames": frames}, "warning"))
    return findings


def _orientation(image: Image.Image, loaded: bool = False) -> int:
    """The EXIF orientation (1–8). A PNG's EXIF is read only if it comes before the pixels, unless
    ``loaded``: Pillow would decode the whole image to look for it after them."""
    try:
        with warnings.catch_warnings():  # "Possibly corrupt EXIF data…": the answer below says it
            warnings.simplefilter("ignore")
            if image.format == "PNG" and not loaded:
                exif = Image.Exif()
                exif.load(image.info.get("exif", b""))
            else:
                exif = image.getexif()
            value = exif.get(EXIF_ORIENTATION, 1)
    except (OSError, SyntaxError, ValueError, TypeError):
        return 1  # unreadable EXIF: shown as stored
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _probe_decode(image: Image.Image, path: Path) -> None:
    """Read the pixel data to the end: JPEG cheaply at 1/8 scale, PNG and WebP decoded whole
    (chunk checksums alone miss damaged or cut compressed data whose checksums are valid)."""
    try:
        if image.format in ("JPEG", "MPO"):
            image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise _Refusal(Finding("image_damaged", {"value": path.name})) from error


# ---------------------------------------------------------------------------------------------
# Rendering, with the cache


_hash_memo: dict[tuple[str, int, int, str], str] = {}
_rendition_memo: dict[tuple[str, str], Rendition] = {}


def settings_fingerprint(kind: str) -> str:
    """What shapes the outputs of one kind: part of every cache key."""
    settings = {"version": SETTINGS_VERSION, "kind": kind, **asdict(KINDS[kind])}
    settings["placeholder"] = (PLACEHOLDER_WIDTH_PX, PLACEHOLDER_WEBP_QUALITY)
    settings["qr"] = (QR_MIN_OUTPUT_PX, QR_MAX_OUTPUT_PX)
    return json.dumps(settings, sort_keys=True, default=str)


def content_key(path: Path, kind: str = "photo") -> str:
    """Hash of the image's bytes and of its kind's settings, memoised on the file's stat."""
    stat = path.stat()
    memo_key = (str(path), stat.st_mtime_ns, stat.st_size, kind)
    if memo_key not in _hash_memo:
        digest = hashlib.sha256(settings_fingerprint(kind).encode())
        digest.update(path.read_bytes())
        _hash_memo[memo_key] = digest.hexdigest()[:20]
    return _hash_memo[memo_key]


def render_photo(path: Path, cache_dir: Path, kind: str = "photo") -> Rendition:
    """The renditions of one image, encoding them only when the cache does not have them."""
    key = content_key(path, kind)
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
    keys = [content_key(path, kind) for path in paths]
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
                message = "changed during the build: run the build again"
                raise CacheDamaged(errno.EIO, message, str(cache_dir / name))
            _write_atomically(published, data)


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
        if hashlib.sha256(path.read_bytes()).hexdigest() != sha256:
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


# ---------------------------------------------------------------------------------------------
# Encoding (runs in worker processes: plain arguments in, plain data out)


def encode_image(path: str, key: str, cache_dir: str, kind: str, threads: int | None) -> dict[str, Any]:
    """Encode one image into every width and format of its kind; write the manifest last."""
    folder = Path(cache_dir)
    folder.mkdir(parents=True, exist_ok=True)
    spec = KINDS[kind]
    source = Path(path)
    if spec.lossless:
        images = _qr_images(source)
    else:
        top = load_upright(source, spec.widths_px[-1])
        images = _scaled(top, spec.widths_px)
    largest = images[-1]
    variants = []
    checks = []
    for format_ in spec.formats:
        for image in images:
            name = f"{key}-{image.width}.{format_.extension}"
            written = _save_atomically(image, folder / name, format_, threads)
            variants.append(Variant(name, image.width, image.height, format_.mime))
            checks.append((name, len(written), hashlib.sha256(written).hexdigest()))
    flat = _flatten(largest)
    data = {
        "variants": [asdict(variant) for variant in variants],
        "width": largest.width,
        "height": largest.height,
        "colour": _average_colour(flat),
        "placeholder": "" if spec.lossless or largest.mode == "RGBA" else _placeholder(flat),
        "checks": checks,
    }
    _write_atomically(folder / f"{key}.json", json.dumps(data).encode())
    return data


def load_upright(path: Path, max_width: int) -> Image.Image:
    """The image upright, in sRGB, as RGB or RGBA, at most ``max_width`` wide (never upscaled).

    JPEGs are decoded at a reduced scale when the target allows (draft mode): a 4000 px photo
    needed at 1440 px is decoded at 2000 px, a quarter of the work.
    """
    with _open_for_encoding(path) as opened:
        orientation = _orientation(opened)
        icc = opened.info.get("icc_profile")
        upright_width = opened.height if orientation in SWAPPING_ORIENTATIONS else opened.width
        scale = max_width / upright_width
        if opened.format in ("JPEG", "MPO") and scale < 1:
            opened.draft(opened.mode, (math.ceil(opened.width * scale), math.ceil(opened.height * scale)))
        opened.seek(0)  # animated: the first frame
        image = _resizable(opened)
        if opened.format == "PNG":
            orientation = _orientation(opened, loaded=True)
    image = _transposed(image, orientation)
    if image.width > max_width:
        height = max(1, round(image.height * max_width / image.width))
        image = image.resize((max_width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    image = _to_srgb(image, icc)
    if image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")  # an alpha channel with nothing transparent
    image.info = {}
    return image


def _open_for_encoding(path: Path) -> Image.Image:
    try:
        return _open(path)
    except _Refusal as refusal:
        raise ImageRefused(path, refusal.finding) from refusal


def _resizable(image: Image.Image) -> Image.Image:
    """The decoded image in a mode that resizes correctly: L, LA, RGB, RGBA or CMYK."""
    mode = image.mode
    if mode.startswith("I") or mode == "F":  # 16/32-bit grey: scale to 8 bits, do not clip
        high = image.getextrema()[1]
        wide = mode.startswith("I;16") or (isinstance(high, int | float) and high > 255)
        factor = 1 / 257 if wide else 1.0
        return image.point(lambda value: value * factor).convert("L")
    if mode == "P":
        return image.convert("RGBA" if "transparency" in image.info else "RGB")
    if mode in ("1", "L"):
        return image.convert("L")
    if mode in ("LA", "La", "PA"):
        return image.convert("LA") if mode != "PA" else image.convert("RGBA")
    if mode in ("RGBA", "RGBa"):
        return image.convert("RGBA")
    if mode == "CMYK":
        return image.copy()  # converted to sRGB after resizing, through its profile
    return image.convert("RGB")


def _transposed(image: Image.Image, orientation: int) -> Image.Image:
    method = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)
    return image.transpose(method) if method is not None else image


_SRGB = ImageCms.createProfile("sRGB")


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert through the embedded ICC profile to sRGB; RGB or RGBA out."""
    alpha = image.getchannel("A") if image.mode in ("RGBA", "LA") else None
    colour = image.convert({"LA": "L", "RGBA": "RGB"}.get(image.mode, image.mode))
    converted = None
    if icc:
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(
                colour, profile, _SRGB, renderingIntent=ImageCms.Intent.PERCEPTUAL, outputMode="RGB"
            )
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            converted = None  # a broken or mismatched profile: show the numbers as they are
    result = converted if converted is not None else colour.convert("RGB")
    if alpha is not None:
        result.putalpha(alpha)
    return result


def _scaled(top: Image.Image, widths: tuple[int, ...]) -> list[Image.Image]:
    """The standard widths below the top image's width, and the top image itself, never upscaled."""
    images = []
    for width in widths[:-1]:
        if width < top.width:
            height = max(1, round(top.height * width / top.width))
            images.append(top.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0))
    images.append(top)
    return images


def _qr_images(path: Path) -> list[Image.Image]:
    """A QR code at one size: whole-factor nearest upscaling to be large enough to scan, whole
    -factor box reduction when huge; never a fractional resample that blurs module edges."""
    with _open_for_encoding(path) as opened:
        icc = opened.info.get("icc_profile")
        opened.seek(0)
        resizable = _resizable(opened)
        orientation = _orientation(opened, loaded=True)
        image = _to_srgb(_transposed(resizable, orientation), icc)
    if image.width < QR_MIN_OUTPUT_PX:
        factor = math.ceil(QR_MIN_OUTPUT_PX / image.width)
        image = image.resize((image.width * factor, image.height * factor), Image.Resampling.NEAREST)
    elif image.width > QR_MAX_OUTPUT_PX:
        factor = image.width // QR_MAX_OUTPUT_PX + (image.width % QR_MAX_OUTPUT_PX > 0)
        factor = min(factor, image.width // QR_MIN_OUTPUT_PX)
        image = image.reduce(factor) if factor > 1 else image
    image.info = {}
    return [image]


def _flatten(image: Image.Image) -> Image.Image:
    """RGB: transparent areas onto white (never the palette's key colour)."""
    if image.mode != "RGBA":
        return image.convert("RGB")
    background = Image.new("RGB", image.size, (255, 255, 255))
    background.paste(image, mask=image.getchannel("A"))
    return background


def _average_colour(image: Image.Image) -> str:
    red, green, blue = image.resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))  # type: ignore[misc]
    return f"#{red:02x}{green:02x}{blue:02x}"


def _placeholder(image: Image.Image) -> str:
    """A tiny WebP of the image as a data: URI: the browser's upscaling blurs it (~150 bytes)."""
    height = max(1, round(image.height * PLACEHOLDER_WIDTH_PX / image.width))
    tiny = image.resize((PLACEHOLDER_WIDTH_PX, height), Image.Resampling.BOX)
    stream = io.BytesIO()
    tiny.save(stream, "WEBP", quality=PLACEHOLDER_WEBP_QUALITY, method=6)
    return "data:image/webp;base64," + base64.b64encode(stream.getvalue()).decode("ascii")


def _save_atomically(image: Image.Image, target: Path, format_: Format, threads: int | None) -> bytes:
    """Encode into memory, then write atomically; returns the bytes written."""
    stream = io.BytesIO()
    save_image(image, stream, format_, threads)
    _write_atomically(target, stream.getvalue())
    return stream.getvalue()


def save_image(image: Image.Image, target: str | io.BytesIO, format_: Format, threads: int | None) -> None:
    """Save pixels only: no EXIF, XMP, comment or ICC block can be carried from the source."""
    options = dict(format_.options)
    if format_.pillow_name == "AVIF" and threads:
        options["max_threads"] = threads  # one per worker process: the pool uses the cores
    pixels = image if format_.keeps_alpha else _flatten(image)
    if pixels.mode == "LA":
        pixels = pixels.convert("RGBA")
    pixels.info = {}  # JPEG and WebP saves would otherwise copy a comment or ICC profile
    pixels.save(target, format_.pillow_name, **options)


def _write_atomically(target: Path, data: bytes) -> None:
    """Write through a temporary file named after this process; on any failure (a full disk…)
    the temporary file is removed, and the target is left as it was."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f"{TEMPORARY_PREFIX}{os.getpid()}-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            os.fchmod(stream.fileno(), 0o644)  # mkstemp makes 0600: the site must be world-readable
        Path(temporary).replace(target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        if error.filename is None:  # a failed write() names no file: name the one being written
            raise OSError(error.errno, error.strerror, str(target)) from error
        raise
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
