"""Checking an image file without encoding it: safe opening (format allow-list, size, pixel and
aspect limits), damage, animation, orientation. ``make check`` calls it through
``miftah.catalog.photocheck``; the encoder opens files the same way.
"""

from __future__ import annotations

import math
import re
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from miftah.media.formats import (
    ACCEPTED_FORMATS,
    EXIF_ORIENTATION,
    KINDS,
    MAX_ASPECT_RATIO,
    MAX_FILE_BYTES,
    MAX_PIXELS,
    QR_MIN_SOURCE_PX,
    SWAPPING_ORIENTATIONS,
    Finding,
)

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
        with open_checked(path) as image:
            findings = _shape_findings(image, name, kind)
            if any(finding.level == "error" for finding in findings):
                return findings
            _probe_decode(image, path)
    except Refusal as refusal:
        return [refusal.finding]
    return findings


class Refusal(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.code)
        self.finding = finding


def open_checked(path: Path) -> Image.Image:
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
        raise Refusal(Finding("image_too_many_pixels", params)) from error
    except UnidentifiedImageError as error:
        detected = _sniff(path)
        if detected:
            raise Refusal(Finding("image_wrong_format", {"value": name, "format": detected})) from error
        raise Refusal(Finding("image_not_an_image", {"value": name})) from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:  # a broken header
        raise Refusal(Finding("image_damaged", {"value": name})) from error


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
    upright_width = height if exif_orientation(image) in SWAPPING_ORIENTATIONS else width
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


def exif_orientation(image: Image.Image, loaded: bool = False) -> int:
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
        raise Refusal(Finding("image_damaged", {"value": path.name})) from error
