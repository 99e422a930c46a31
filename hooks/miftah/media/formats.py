"""What every step of the image pipeline shares: the limits, the formats and their quality
settings, the kinds of image (photo, logo, QR code) and what a rendition is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    # a catalog card on a phone (half the screen: 320), a phone at DPR 1–3 and the desktop
    # content width; 1440 lets JPEG draft decoding halve a 3000 px portrait photo (see
    # benchmarks/photo-quality.md)
    "photo": Kind((320, 480, 960, 1440), (AVIF, WEBP, JPEG), MIN_PHOTO_WIDTH_PX),
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


class CacheDamaged(OSError):
    """A cache file changed between its check and its copy into the site."""


class ImageRefused(Exception):
    """An image file that the pipeline will not encode (the check should have said so)."""

    def __init__(self, path: Path, finding: Finding) -> None:
        super().__init__(f"{path}: {finding.code} {finding.params}")
        self.path = path
        self.finding = finding
