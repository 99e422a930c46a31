"""Benchmark of the photo pipeline on phone-sized photos made from real photographs.

The photographs are the colour photos scikit-image ships (astronaut, coffee, chelsea…), cropped,
upscaled to 4032×3024 or 3024×4032 with a little grain, and saved as phone JPEGs with GPS and an
EXIF orientation; they are made once into .cache/bench-photos/.

    .venv/bin/python benchmarks/bench_photos.py            # throughput, speed-up, sizes, SSIM, rebuild
    .venv/bin/python benchmarks/bench_photos.py --sweep    # quality and AVIF speed measurements

Prints a table and writes bench-photos.json at the repository root. SSIM is measured the way
Wang et al. define it: on luma, with an 11×11 Gaussian window (σ 1.5), against the resized
original that was given to the encoder. Needs scikit-image (and numpy) in the venv.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from skimage import data as skdata
from skimage.metrics import structural_similarity

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from miftah.media import encoding, formats, images  # noqa: E402

PHOTO_SET = ROOT / ".cache" / "bench-photos"
RESULTS = ROOT / "bench-photos.json"
SOURCES = ("astronaut", "coffee", "chelsea", "rocket", "immunohistochemistry", "retina", "camera")
PHONE_SIZE_PX = (4032, 3024)
SSIM_TARGET = 0.98


def make_photo_set(count: int) -> list[Path]:
    """``count`` phone photos (about 1.5 MB each); made once, reused afterwards."""
    PHOTO_SET.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(4)
    paths = []
    for index in range(count):
        name = SOURCES[index % len(SOURCES)]
        path = PHOTO_SET / f"photo-{index:02d}-{name}.jpg"
        paths.append(path)
        if path.is_file():
            continue
        round_ = index // len(SOURCES)
        make_phone_photo(name, path, rng, portrait=round_ % 2 == 1, crop_step=round_ % 3)
    return paths


def make_phone_photo(
    name: str,
    path: Path,
    rng: np.random.Generator,
    *,
    portrait: bool,
    crop_step: int,
    size_px: tuple[int, int] = PHONE_SIZE_PX,
    gps: bool = True,
) -> None:
    """One phone JPEG from the scikit-image photograph ``name``: cropped (``crop_step`` 0, 1, 2 =
    left/top, centre, right/bottom), upscaled to ``size_px`` with grain; portraits stored
    sideways with EXIF orientation 6, as phones do; GPS coordinates in EXIF when ``gps``."""
    source = Image.fromarray(getattr(skdata, name)()).convert("RGB")
    upright = size_px[::-1] if portrait else size_px
    ratio = upright[0] / upright[1]
    width, height = source.size
    if width / height > ratio:
        crop = int(height * ratio)
        left = (width - crop) * crop_step // 2
        box = (left, 0, left + crop, height)
    else:
        crop = int(width / ratio)
        top = (height - crop) * crop_step // 2
        box = (0, top, width, top + crop)
    big = source.crop(box).resize(upright, Image.Resampling.LANCZOS)
    pixels = np.asarray(big, dtype=np.float32)
    luma_grain = 1.5 * rng.standard_normal(pixels.shape[:2], dtype=np.float32)[..., None]
    grain = rng.standard_normal(pixels.shape, dtype=np.float32)
    grain *= 0.5  # in place: the same values as luma + 0.5 × chroma, without temporary arrays
    grain += luma_grain
    grain += pixels
    photo = Image.fromarray(np.clip(grain, 0, 255, out=grain).astype(np.uint8))
    exif = Image.Exif()
    if gps:
        gps_ifd = exif.get_ifd(0x8825)
        gps_ifd[1], gps_ifd[2], gps_ifd[3], gps_ifd[4] = "N", (30.0, 25.0, 12.0), "W", (9.0, 35.0, 40.0)
    if portrait:  # stored sideways, as phones do, with the turn in EXIF
        photo = photo.transpose(Image.Transpose.ROTATE_90)
        exif[0x0112] = 6
    photo.save(path, "JPEG", quality=92, exif=exif.tobytes())


def ssim(reference: Image.Image, encoded: Image.Image) -> float:
    luma = [np.asarray(image.convert("L"), dtype=np.float64) for image in (reference, encoded)]
    kwargs: dict[str, Any] = {"gaussian_weights": True, "sigma": 1.5, "use_sample_covariance": False}
    return float(structural_similarity(luma[0], luma[1], data_range=255, **kwargs))  # type: ignore[no-untyped-call]


def encoded_bytes(image: Image.Image, format_: formats.Format) -> bytes:
    stream = io.BytesIO()
    encoding.save_image(image, stream, format_, 1)
    return stream.getvalue()


def with_options(format_: formats.Format, **options: Any) -> formats.Format:
    merged = {**dict(format_.options), **options}
    return formats.Format(format_.extension, format_.mime, format_.pillow_name, tuple(merged.items()), True)


# ---------------------------------------------------------------------------------------------


def sweep(paths: list[Path]) -> dict[str, Any]:
    """Quality grid per format at the top width; AVIF speeds; top width 1440 vs 1600."""
    top = formats.KINDS["photo"].widths_px[-1]
    references = [encoding.load_upright(path, top) for path in paths]
    grids = {
        "AVIF": (formats.AVIF, "quality", (45, 50, 55, 60, 65, 70)),
        "WEBP": (formats.WEBP, "quality", (75, 80, 85, 88, 90, 92)),
        "JPEG": (formats.JPEG, "quality", (65, 70, 75, 80, 85, 90)),
    }
    rows = []
    for name, (format_, option, values) in grids.items():
        for value in values:
            rows.append(measure(name, with_options(format_, **{option: value}), f"q{value}", references))
    for speed in (4, 6, 8, 9):
        rows.append(measure("AVIF", with_options(formats.AVIF, speed=speed), f"speed {speed}", references))
    decode: dict[str, float] = {}
    for width in (1440, 1600):
        started = time.perf_counter()
        for path in paths:
            encoding.load_upright(path, width)
        decode[f"decode+resize to {width} px, s/photo"] = (time.perf_counter() - started) / len(paths)
    started = time.perf_counter()
    for path in paths:
        with Image.open(path) as image:
            image.load()
    decode["full decode only, s/photo"] = (time.perf_counter() - started) / len(paths)
    print_table(["format", "setting", "KB", "SSIM min", "SSIM mean", "ms/encode"], rows)
    for key, seconds in decode.items():
        print(f"{key}: {seconds:.3f}")
    return {"quality": [dict(zip(HEADERS, row, strict=True)) for row in rows], "decode": decode}


HEADERS = ("format", "setting", "kb", "ssim_min", "ssim_mean", "ms_per_encode")


def measure(name: str, format_: formats.Format, label: str, references: list[Image.Image]) -> list[Any]:
    sizes, scores, seconds = [], [], []
    for reference in references:
        started = time.perf_counter()
        encoded = encoded_bytes(reference, format_)
        seconds.append(time.perf_counter() - started)
        sizes.append(len(encoded))
        with Image.open(io.BytesIO(encoded)) as decoded:
            scores.append(ssim(reference, decoded))
    print(f"  {name} {label}", file=sys.stderr, flush=True)
    return [
        name,
        label,
        round(statistics.mean(sizes) / 1024, 1),
        round(min(scores), 4),
        round(statistics.mean(scores), 4),
        round(statistics.mean(seconds) * 1000),
    ]


# ---------------------------------------------------------------------------------------------


def bench(paths: list[Path]) -> dict[str, Any]:
    spec = formats.KINDS["photo"]
    bytes_in = sum(path.stat().st_size for path in paths)
    work = Path(tempfile.mkdtemp(prefix="bench-photos-"))
    try:
        # 1. the whole pipeline in one process, one thread
        started = time.perf_counter()
        for path in paths:
            key = images.content_key(path, "photo", work / "one")
            encoding.encode_image(str(path), key, str(work / "one"), "photo", 1)
        one_process_s = time.perf_counter() - started

        # 2. the bare encoders on the same resized images (decoding and resizing not timed)
        encoder_s = 0.0
        outputs: dict[tuple[str, int], list[tuple[int, float]]] = {}
        for path in paths:
            scaled = encoding._scaled(encoding.load_upright(path, spec.widths_px[-1]), spec.widths_px)
            for format_ in spec.formats:
                for image in scaled:
                    started = time.perf_counter()
                    encoded = encoded_bytes(image, format_)
                    encoder_s += time.perf_counter() - started
                    with Image.open(io.BytesIO(encoded)) as decoded:
                        score = ssim(image, decoded)
                    outputs.setdefault((format_.extension, image.width), []).append((len(encoded), score))

        # 3. cold build with the process pool, then an unchanged rebuild
        pool_cache = work / "pool"
        images._rendition_memo.clear()
        started = time.perf_counter()
        renditions = images.render_photos(paths, pool_cache)
        cold_s = time.perf_counter() - started
        stamps = {file.name: file.stat().st_mtime_ns for file in pool_cache.iterdir()}
        images._rendition_memo.clear()
        images.forget_stat_memos()
        hits: list[int] = []
        started = time.perf_counter()
        images.render_photos(paths, pool_cache, progress=lambda done, total, cached: hits.append(cached))
        warm_s = time.perf_counter() - started
        re_encoded = sum(1 for file in pool_cache.iterdir() if file.stat().st_mtime_ns != stamps[file.name])
        re_encoded += len(paths) - hits[-1]
    finally:
        shutil.rmtree(work)

    placeholders = [len(rendition.placeholder) for rendition in renditions]
    table = []
    for (extension, width), found in sorted(outputs.items()):
        sizes = [size for size, _ in found]
        table.append(
            {
                "format": extension,
                "width": width,
                "mean_kb": round(statistics.mean(sizes) / 1024, 1),
                "out_per_in_percent": round(100 * sum(sizes) / bytes_in, 2),
                "ssim_min": round(min(score for _, score in found), 4),
                "ssim_mean": round(statistics.mean(score for _, score in found), 4),
            }
        )
    cores = os.cpu_count() or 1
    summary = {
        "photos": len(paths),
        "mean_input_mb": round(bytes_in / len(paths) / 1e6, 2),
        "cores": cores,
        "one_process_s": round(one_process_s, 2),
        "encoders_only_s": round(encoder_s, 2),
        "pipeline_over_encoders": round(one_process_s / encoder_s, 3),
        "pool_cold_s": round(cold_s, 2),
        "photos_per_s_pool": round(len(paths) / cold_s, 2),
        "photos_per_s_one_process": round(len(paths) / one_process_s, 2),
        "parallel_speedup": round(one_process_s / cold_s, 2),
        "unchanged_rebuild_s": round(warm_s, 3),
        "unchanged_rebuild_re_encoded": re_encoded,
        "unchanged_over_cold_percent": round(100 * warm_s / cold_s, 2),
        "placeholder_bytes_mean": round(statistics.mean(placeholders)),
    }
    rows = [[r["format"], r["width"], r["mean_kb"], r["out_per_in_percent"], r["ssim_min"], r["ssim_mean"]]
            for r in table]  # fmt: skip
    print_table(["format", "width", "mean KB", "out/in %", "SSIM min", "SSIM mean"], rows)
    for key, value in summary.items():
        print(f"{key}: {value}")
    return {"summary": summary, "outputs": table}


def print_table(headers: list[str], rows: list[list[Any]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=False)]
    for row in [headers, *rows]:
        print("  ".join(str(cell).rjust(width) for cell, width in zip(row, widths, strict=True)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sweep", action="store_true", help="measure quality settings and AVIF speed")
    parser.add_argument("--count", type=int, default=32, help="number of photos (default 32)")
    arguments = parser.parse_args()
    paths = make_photo_set(arguments.count)
    result = {"sweep": sweep(paths[: len(SOURCES)])} if arguments.sweep else {"bench": bench(paths)}
    previous = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    RESULTS.write_text(json.dumps({**previous, **result}, indent=2) + "\n")
    print(f"written to {RESULTS.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
