"""The photo pipeline: original photos → small, upright, metadata-free renditions, cached.

Each rendition is keyed by the photo's content hash and the settings that shape it, so an
unchanged photo is encoded once and then costs a cache lookup, across builds and across the
three language passes. Outputs are written to a cache folder; the build copies them into the
site's ``media/`` folder, shared by all languages.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

PHOTO_WIDTHS_PX = (480, 960, 1440)  # phone at DPR 1–3 and desktop content width
JPEG_QUALITY = 80
WEBP_QUALITY = 78
FORMATS = (("webp", "image/webp"), ("jpg", "image/jpeg"))  # best first, universal fallback last
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
SETTINGS_VERSION = "2"  # bump when the encoding changes, to invalidate every cached rendition
MEDIA_DIR = "media"


@dataclass(frozen=True)
class Variant:
    file: str  # name inside media/
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class Rendition:
    """Everything a page needs to show one photo."""

    variants: tuple[Variant, ...]
    width: int  # of the largest variant: gives the aspect ratio for width/height attributes
    height: int
    colour: str  # dominant colour, shown as a placeholder until the photo arrives

    def of_type(self, mime: str) -> list[Variant]:
        return [variant for variant in self.variants if variant.mime == mime]


_hash_memo: dict[tuple[str, int, int], str] = {}


def content_key(path: Path) -> str:
    """Hash of the photo's bytes and of the settings, memoised on the file's stat."""
    stat = path.stat()
    memo_key = (str(path), stat.st_mtime_ns, stat.st_size)
    if memo_key not in _hash_memo:
        digest = hashlib.sha256(SETTINGS_VERSION.encode())
        digest.update(path.read_bytes())
        _hash_memo[memo_key] = digest.hexdigest()[:20]
    return _hash_memo[memo_key]


def render_photo(path: Path, cache_dir: Path) -> Rendition:
    """The renditions of one photo, encoding them only when the cache does not have them."""
    key = content_key(path)
    manifest = cache_dir / f"{key}.json"
    if manifest.is_file():
        return _read_manifest(manifest)
    rendition = _encode(path, key, cache_dir)
    _write_atomically(manifest, json.dumps(_manifest_data(rendition)).encode())
    return rendition


def publish(renditions: list[Rendition], cache_dir: Path, site_dir: Path) -> None:
    """Copy the files of the given renditions into ``site_dir/media``."""
    target = site_dir / MEDIA_DIR
    target.mkdir(parents=True, exist_ok=True)
    for rendition in renditions:
        for variant in rendition.variants:
            shutil.copyfile(cache_dir / variant.file, target / variant.file)


def _encode(path: Path, key: str, cache_dir: Path) -> Rendition:
    cache_dir.mkdir(parents=True, exist_ok=True)
    with Image.open(path, formats=ACCEPTED_FORMATS) as opened:
        opened.draft("RGB", (PHOTO_WIDTHS_PX[-1], PHOTO_WIDTHS_PX[-1]))
        upright = ImageOps.exif_transpose(opened)
    image = _to_rgb(upright)
    colour = _dominant_colour(image)
    variants = []
    for width in _widths_for(image.width):
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        resized.info = {}  # never carry a comment, EXIF, XMP or ICC block into the outputs
        for extension, mime in FORMATS:
            name = f"{key}-{width}.{extension}"
            _save(resized, cache_dir / name, extension)
            variants.append(Variant(name, width, height, mime))
    largest = variants[-1]
    return Rendition(tuple(variants), largest.width, largest.height, colour)


def _dominant_colour(image: Image.Image) -> str:
    red, green, blue = image.resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))  # type: ignore[misc]
    return f"#{red:02x}{green:02x}{blue:02x}"


def _widths_for(original_width: int) -> list[int]:
    """The standard widths below the original's, and the original's own when it is smaller."""
    widths = [width for width in PHOTO_WIDTHS_PX if width < original_width]
    if len(widths) < len(PHOTO_WIDTHS_PX):
        widths.append(min(original_width, PHOTO_WIDTHS_PX[-1]))  # never upscale
    return widths


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _save(image: Image.Image, target: Path, extension: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=f".{extension}")
    os.close(handle)
    if extension == "webp":
        image.save(temporary, "WEBP", quality=WEBP_QUALITY, method=4)
    else:
        image.save(temporary, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    Path(temporary).replace(target)


def _write_atomically(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    Path(temporary).replace(target)


def _manifest_data(rendition: Rendition) -> dict[str, object]:
    return {
        "variants": [vars(variant) for variant in rendition.variants],
        "width": rendition.width,
        "height": rendition.height,
        "colour": rendition.colour,
    }


def _read_manifest(manifest: Path) -> Rendition:
    data = json.loads(manifest.read_text())
    variants = tuple(Variant(**variant) for variant in data["variants"])
    return Rendition(variants, data["width"], data["height"], data["colour"])
