"""Encoding one image into every width and format of its kind (in worker processes: plain
arguments in, plain data out), normalised (upright, sRGB, metadata-free), written atomically.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from PIL import Image, ImageCms

from miftah.media.formats import (
    KINDS,
    PLACEHOLDER_WEBP_QUALITY,
    PLACEHOLDER_WIDTH_PX,
    QR_MAX_OUTPUT_PX,
    QR_MIN_OUTPUT_PX,
    SWAPPING_ORIENTATIONS,
    TEMPORARY_PREFIX,
    Format,
    ImageRefused,
    Variant,
)
from miftah.media.inspection import Refusal, exif_orientation, open_checked

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
    write_atomically(folder / f"{key}.json", json.dumps(data).encode())
    return data


def load_upright(path: Path, max_width: int) -> Image.Image:
    """The image upright, in sRGB, as RGB or RGBA, at most ``max_width`` wide (never upscaled).

    JPEGs are decoded at a reduced scale when the target allows (draft mode): a 4000 px photo
    needed at 1440 px is decoded at 2000 px, a quarter of the work.
    """
    with _open_for_encoding(path) as opened:
        orientation = exif_orientation(opened)
        icc = opened.info.get("icc_profile")
        upright_width = opened.height if orientation in SWAPPING_ORIENTATIONS else opened.width
        scale = max_width / upright_width
        if opened.format in ("JPEG", "MPO") and scale < 1:
            opened.draft(opened.mode, (math.ceil(opened.width * scale), math.ceil(opened.height * scale)))
        opened.seek(0)  # animated: the first frame
        image = _resizable(opened)
        if opened.format == "PNG":
            orientation = exif_orientation(opened, loaded=True)
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
        return open_checked(path)
    except Refusal as refusal:
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
        orientation = exif_orientation(opened, loaded=True)
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
    write_atomically(target, stream.getvalue())
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


def write_atomically(target: Path, data: bytes) -> None:
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
