"""The image pipeline: hostile files are refused with exact messages; awkward valid files come
out upright, in sRGB and free of metadata; the cache and the process pool; logos and QR codes;
a real build over real photographs. Every image is generated here, small, with Pillow."""

from __future__ import annotations

import io
import re
import struct
import warnings
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
import skimage.data
from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from miftah.catalog.loading import load_catalog
from miftah.catalog.problems import format_problem
from miftah.media import encoding, formats, images, inspection
from problem_registry import asserted
from support import Edit, make_photo, run_check, run_site

SAFFRON = "products/saffron-taliouine/product.yml"
SAFFRON_MAIN_LINE = 134  # the line of "- file: main.jpg"
Colour = tuple[int, int, int]
EXIF_ORIENTATION = 0x0112
RED, GREEN, BLUE, WHITE = (230, 20, 20), (20, 200, 40), (30, 40, 220), (250, 250, 250)

# ---------------------------------------------------------------------------------------------
# helpers that make files


def quadrants(size: tuple[int, int] = (120, 80)) -> Image.Image:
    """An asymmetric picture: red, green / blue, white quadrants, so any turn or flip shows."""
    width, height = size
    image = Image.new("RGB", size, WHITE)
    image.paste(RED, (0, 0, width // 2, height // 2))
    image.paste(GREEN, (width // 2, 0, width, height // 2))
    image.paste(BLUE, (0, height // 2, width // 2, height))
    return image


def quadrant_colours(image: Image.Image) -> list[Colour]:
    rgb = image.convert("RGB")
    width, height = rgb.size
    points = [(width // 4, height // 4), (3 * width // 4, height // 4), (width // 4, 3 * height // 4)]
    points.append((3 * width // 4, 3 * height // 4))
    return [rgb.getpixel(point) for point in points]  # type: ignore[misc]


def close(found: Colour | tuple[int, ...], expected: Colour | tuple[int, ...], tolerance: int = 24) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(found, expected, strict=True))


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(width: int, height: int, depth: int, colour_type: int, rows: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(rows))
        + png_chunk(b"IEND", b"")
    )


def rgb16_png(size: tuple[int, int], value: tuple[int, int, int]) -> bytes:
    """A 16-bit-per-channel RGB PNG (Pillow cannot write one)."""
    width, height = size
    row = b"\x00" + struct.pack(">HHH", *value) * width
    return png_bytes(width, height, 16, 2, row * height)


def matrix_icc_profile(colorants: list[tuple[float, float, float]], gamma: float) -> bytes:
    """A small ICC v2 RGB display profile (matrix + gamma), like ProPhoto or Display P3."""

    def s15(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ \x00\x00\x00\x00" + s15(x) + s15(y) + s15(z)

    text = b"Wide RGB test\x00"
    desc = b"desc\x00\x00\x00\x00" + struct.pack(">I", len(text)) + text + bytes(4 + 4 + 2 + 1 + 67)
    curve = b"curv\x00\x00\x00\x00" + struct.pack(">IH", 1, round(gamma * 256)) + b"\x00\x00"
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(*colorants[0])),
        (b"gXYZ", xyz(*colorants[1])),
        (b"bXYZ", xyz(*colorants[2])),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text\x00\x00\x00\x00public domain\x00\x00\x00"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += bytes(-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = struct.pack(">I", size) + bytes(4) + bytes([2, 0x10, 0, 0]) + b"mntrRGB XYZ "
    header += bytes(12) + b"acsp" + bytes(24) + struct.pack(">I", 0)
    header += s15(0.9642) + s15(1.0) + s15(0.8249) + bytes(48)
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


PROPHOTO = [(0.7977, 0.2880, 0.0), (0.1352, 0.7119, 0.0), (0.0313, 0.0001, 0.8249)]


def gps_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (30.0, 25.0, 12.0), "W", (9.0, 35.0, 40.0)
    return exif


def render(path: Path, tmp_path: Path, kind: str = "photo") -> tuple[formats.Rendition, dict[str, Path]]:
    """Render one image; its outputs by extension (the largest width of each format)."""
    cache = tmp_path / "cache"
    rendition = images.render_photo(path, cache, kind)
    largest = {Path(v.file).suffix[1:]: cache / v.file for v in rendition.variants}
    return rendition, largest


def assert_free_of_metadata(output: Path) -> None:
    data = output.read_bytes()
    for marker in (b"Exif", b"GPS", b"xmpmeta", b"PhoneMaker", b"home of", b"ICC_PROFILE", b"tEXt"):
        assert marker not in data, (output.name, marker)
    with Image.open(output) as image:
        assert not image.getexif(), output.name
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile"} & set(image.info)


# ---------------------------------------------------------------------------------------------
# awkward valid files


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_upright(tmp_path: Path, orientation: int) -> None:
    upright = quadrants()
    undo = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_90,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_270,
    }
    stored = upright.transpose(undo[orientation]) if orientation in undo else upright
    source = tmp_path / "photo.jpg"
    stored.save(source, "JPEG", quality=95, exif=gps_exif(orientation))
    rendition, outputs = render(source, tmp_path)
    assert (rendition.width, rendition.height) == (120, 80)
    for output in outputs.values():
        with Image.open(output) as image:
            assert image.size == (120, 80)
            found = quadrant_colours(image)
        assert all(close(c, e) for c, e in zip(found, [RED, GREEN, BLUE, WHITE], strict=True)), output


def test_gps_comment_and_xmp_never_reach_an_output(tmp_path: Path) -> None:
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">home of the photographer</x:xmpmeta>'
    jpeg = tmp_path / "a.jpg"
    quadrants().save(jpeg, "JPEG", exif=gps_exif(), comment=b"home of the photographer", xmp=xmp)
    webp = tmp_path / "b.webp"
    quadrants().save(webp, "WEBP", exif=gps_exif(), xmp=xmp, icc_profile=matrix_icc_profile(PROPHOTO, 1.8))
    png = tmp_path / "c.png"
    info = PngInfo()
    info.add_text("Comment", "home of the photographer")
    quadrants().save(png, "PNG", pnginfo=info, exif=gps_exif())
    sources = [jpeg, webp, png]
    with Image.open(jpeg) as image:  # the inputs really carry what must be removed
        assert image.getexif().get_ifd(0x8825) and "comment" in image.info and image.info.get("xmp")
    for source in sources:
        rendition, _ = render(source, tmp_path)
        for variant in rendition.variants:
            assert_free_of_metadata(tmp_path / "cache" / variant.file)


def test_cmyk_jpeg_becomes_rgb(tmp_path: Path) -> None:
    source = tmp_path / "cmyk.jpg"
    Image.new("CMYK", (64, 48), (255, 0, 0, 0)).save(source, "JPEG", quality=95)  # pure cyan
    _, outputs = render(source, tmp_path)
    for output in outputs.values():
        with Image.open(output) as image:
            assert close(image.convert("RGB").getpixel((32, 24)), (0, 255, 255), 30)  # type: ignore[arg-type]


def test_16_bit_images_are_scaled_not_clipped_to_white(tmp_path: Path) -> None:
    grey = tmp_path / "grey16.png"
    Image.new("I;16", (64, 48), 128 * 257).save(grey, "PNG")
    colour = tmp_path / "rgb16.png"
    colour.write_bytes(rgb16_png((64, 48), (200 * 257, 100 * 257, 50 * 257)))
    for source, expected in ((grey, (128, 128, 128)), (colour, (200, 100, 50))):
        _, outputs = render(source, tmp_path)
        for output in outputs.values():
            with Image.open(output) as image:
                assert close(image.convert("RGB").getpixel((32, 24)), expected, 6), output  # type: ignore[arg-type]


def test_palette_transparency_is_kept_or_flattened_onto_white(tmp_path: Path) -> None:
    source = tmp_path / "palette.png"
    image = Image.new("P", (64, 48), 1)
    image.putpalette([255, 0, 255, 200, 120, 40] + [0] * 762)  # index 0: magenta, the key colour
    image.paste(0, (0, 0, 32, 48))  # left half transparent
    image.save(source, "PNG", transparency=0)
    rendition, outputs = render(source, tmp_path)
    assert rendition.placeholder == ""  # no blurred preview behind transparency
    with Image.open(outputs["jpg"]) as jpeg:
        assert close(jpeg.getpixel((8, 24)), (255, 255, 255), 8)  # type: ignore[arg-type]  # white, not magenta
        assert close(jpeg.getpixel((56, 24)), (200, 120, 40), 20)  # type: ignore[arg-type]
    for extension in ("webp", "avif"):
        with Image.open(outputs[extension]) as modern:
            assert modern.mode == "RGBA"
            assert modern.getpixel((8, 24))[3] == 0  # type: ignore[index]
            assert close(modern.getpixel((56, 24))[:3], (200, 120, 40), 20)  # type: ignore[index]


def test_alpha_channel_is_kept_in_webp_and_avif(tmp_path: Path) -> None:
    source = tmp_path / "alpha.png"
    image = Image.new("RGBA", (64, 48), (40, 90, 160, 255))
    image.paste((40, 90, 160, 0), (0, 0, 32, 48))
    image.save(source, "PNG")
    _, outputs = render(source, tmp_path)
    with Image.open(outputs["webp"]) as webp:
        assert webp.mode == "RGBA" and webp.getpixel((8, 8))[3] == 0  # type: ignore[index]
    with Image.open(outputs["jpg"]) as jpeg:
        assert close(jpeg.getpixel((8, 8)), (255, 255, 255), 8)  # type: ignore[arg-type]


def test_embedded_icc_profile_is_converted_to_srgb(tmp_path: Path) -> None:
    icc = matrix_icc_profile(PROPHOTO, 1.8)
    value = (90, 150, 60)
    source = tmp_path / "prophoto.jpg"
    Image.new("RGB", (64, 48), value).save(source, "JPEG", quality=98, icc_profile=icc)
    profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    srgb = ImageCms.createProfile("sRGB")
    managed = ImageCms.profileToProfile(Image.new("RGB", (1, 1), value), profile, srgb)
    assert managed is not None
    expected: tuple[int, ...] = managed.getpixel((0, 0))  # type: ignore[assignment]
    assert not close(expected, value, 20)  # the test means something: the colour does change
    _, outputs = render(source, tmp_path)
    for output in outputs.values():
        with Image.open(output) as image:
            assert "icc_profile" not in image.info
            assert close(image.convert("RGB").getpixel((32, 24)), expected, 8), output  # type: ignore[arg-type]


def test_never_upscaled_and_widths_below_the_original(tmp_path: Path) -> None:
    source = make_photo(tmp_path / "small.jpg", (700, 500))
    rendition, _ = render(source, tmp_path)
    assert sorted({v.width for v in rendition.variants}) == [320, 480, 700]
    assert [v.mime for v in rendition.variants][::2][:1] == ["image/avif"]  # best format first
    assert rendition.placeholder.startswith("data:image/webp;base64,")
    assert len(rendition.placeholder) < 400


def test_animated_webp_gives_its_first_frame(tmp_path: Path) -> None:
    source = tmp_path / "anim.webp"
    frames = [Image.new("RGB", (64, 48), colour) for colour in (RED, BLUE, GREEN)]
    frames[0].save(source, "WEBP", save_all=True, append_images=frames[1:], lossless=True)
    _, outputs = render(source, tmp_path)
    with Image.open(outputs["jpg"]) as image:
        assert close(image.getpixel((32, 24)), RED)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# hostile files: exact messages, through the record that lists them


def messages(records: Path) -> list[str]:
    return [format_problem(problem, "en") for problem in load_catalog(records).problems]


def where(field: str = "photos[1].file") -> str:
    return f"{SAFFRON}:{SAFFRON_MAIN_LINE} › {field}"


def truncated_jpeg(path: Path) -> None:
    make_photo(path, (400, 300))
    noisy = Image.effect_noise((400, 300), 60).convert("RGB")
    noisy.save(path, "JPEG", quality=90)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def png_with_bad_pixel_data(cut: bool) -> Callable[[Path], object]:
    """A 1600 × 1200 PNG whose chunk checksums are all valid but whose compressed pixel data is
    damaged (bytes changed in the middle) or cut short: ``verify()`` finds nothing wrong."""

    def make(path: Path) -> None:
        width, height = 1600, 1200
        rows = b"".join(b"\x00" + bytes((x * 7 + y) % 256 for x in range(width * 3)) for y in range(height))
        packed = zlib.compress(rows)
        middle = len(packed) // 2
        damaged = packed[:middle] if cut else packed[:middle] + bytes(64) + packed[middle + 64 :]
        header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
        path.write_bytes(
            b"\x89PNG\r\n\x1a\n"
            + png_chunk(b"IHDR", header)
            + png_chunk(b"IDAT", damaged)
            + png_chunk(b"IEND", b"")
        )

    return make


def huge_png_header(width: int, height: int) -> Callable[[Path], object]:
    """A few bytes that claim a huge picture: a decompression bomb's header."""
    return lambda path: path.write_bytes(png_bytes(width, height, 8, 0, b"\x00"))


def oversized(path: Path) -> None:
    make_photo(path, (400, 300))
    with open(path, "r+b") as stream:
        stream.truncate(21 * 1024 * 1024)  # sparse: costs no disk


HOSTILE: dict[str, tuple[Callable[[Path], object], str, str]] = {
    "text": (
        lambda path: path.write_text("this is not a photo\n"),
        'The file "main.jpg" is not a JPEG, PNG or WebP image (its content is not a picture).',
        "Replace it with the photo itself, saved as JPEG.",
    ),
    "pdf": (
        lambda path: path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
        'The file "main.jpg" is a PDF file, not a JPEG, PNG or WebP image.',
        "Open it and save it as JPEG, then refer to the new file in the record.",
    ),
    "svg": (
        lambda path: path.write_text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
        'The file "main.jpg" is a SVG file, not a JPEG, PNG or WebP image.',
        "Open it and save it as JPEG, then refer to the new file in the record.",
    ),
    "heic": (
        lambda path: path.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)),
        'The file "main.jpg" is a HEIC file, not a JPEG, PNG or WebP image.',
        "Open it and save it as JPEG, then refer to the new file in the record.",
    ),
    "truncated": (
        truncated_jpeg,
        'The file "main.jpg" is damaged or incomplete: it cannot be read to the end.',
        "Copy the photo again from the phone or camera.",
    ),
    "png data damaged, checksums valid": (
        png_with_bad_pixel_data(cut=False),
        'The file "main.jpg" is damaged or incomplete: it cannot be read to the end.',
        "Copy the photo again from the phone or camera.",
    ),
    "png data cut, checksums valid": (
        png_with_bad_pixel_data(cut=True),
        'The file "main.jpg" is damaged or incomplete: it cannot be read to the end.',
        "Copy the photo again from the phone or camera.",
    ),
    "thin": (
        lambda path: Image.new("L", (1, 50000), 128).save(path, "PNG"),
        'The image "main.jpg" is 1 × 50000 pixels: its long side may be at most 5 times its short side.',
        "Crop it to a usual photo shape, such as 4:3 or square.",
    ),
    "too many pixels": (
        huge_png_header(10000, 5000),
        'The image "main.jpg" has 50 million pixels; the most is 40 million.',
        "Resize it to at most 4000 pixels on its longest side.",
    ),
    "decompression bomb": (
        huge_png_header(20000, 20000),
        'The image "main.jpg" has 400 million pixels; the most is 40 million.',
        "Resize it to at most 4000 pixels on its longest side.",
    ),
    "too large": (
        oversized,
        'The file "main.jpg" weighs 21 MB; an image may weigh at most 20 MB.',
        "Save it again as a JPEG at most 4000 pixels wide.",
    ),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_file_is_a_validation_error(scratch_catalog: Path, case: str) -> None:
    make, what, fix = HOSTILE[case]
    make(scratch_catalog / "products/saffron-taliouine/main.jpg")
    assert messages(scratch_catalog) == [f"✖ {where()}\n  {what}\n  Fix: {fix}"]


def test_make_check_reports_a_hostile_photo_without_traceback(scratch_catalog: Path) -> None:
    truncated_jpeg(scratch_catalog / "products/saffron-taliouine/detail.jpg")
    result = run_check(scratch_catalog)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert '"detail.jpg" is damaged or incomplete' in output


def test_build_refuses_a_png_with_damaged_data_naming_it(scratch_catalog: Path, tmp_path: Path) -> None:
    png_with_bad_pixel_data(cut=True)(scratch_catalog / "products/saffron-taliouine/detail.jpg")
    result = run_site("build", scratch_catalog, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"✖ {SAFFRON}:{SAFFRON_MAIN_LINE + 5} › photos[2].file\n" in result.stderr
    assert '"detail.jpg" is damaged or incomplete' in result.stderr
    assert not (tmp_path / "site").exists()


def corrupt_exif_jpeg(path: Path) -> None:
    """A JPEG whose EXIF block says a tag's data lies beyond its end, and orientation 6."""
    entries = struct.pack("<HHII", 0x010F, 2, 100, 1000) + struct.pack("<HHIHH", EXIF_ORIENTATION, 3, 1, 6, 0)
    tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 2) + entries + struct.pack("<I", 0)
    Image.new("RGB", (1200, 1600), (200, 150, 90)).save(path, "JPEG", exif=b"Exif\x00\x00" + tiff)


def test_corrupt_exif_is_silent_and_its_orientation_still_read(scratch_catalog: Path) -> None:
    photo = scratch_catalog / "products/saffron-taliouine/main.jpg"
    corrupt_exif_jpeg(photo)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert inspection.inspect_image(photo) == []  # 1200 wide once turned: not narrow
        assert encoding.load_upright(photo, 2000).size == (1600, 1200)
    assert [str(warning.message) for warning in caught] == []
    result = run_check(scratch_catalog, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "EXIF" not in result.stdout + result.stderr and "Warning" not in result.stderr


def test_mpo_photo_from_a_phone_is_a_photo_not_an_animation(scratch_catalog: Path, tmp_path: Path) -> None:
    photo = scratch_catalog / "products/saffron-taliouine/main.jpg"
    preview = Image.new("RGB", (320, 240), BLUE)
    quadrants((1600, 1200)).save(photo, "MPO", save_all=True, append_images=[preview])
    with Image.open(photo) as opened:
        assert (opened.format, getattr(opened, "n_frames", 1)) == ("MPO", 2)  # what a phone writes
    assert messages(scratch_catalog) == []
    rendition = images.render_photo(photo, tmp_path / "cache")
    assert (rendition.width, rendition.height) == (1440, 1080)
    with Image.open(tmp_path / "cache" / rendition.of_type("image/jpeg")[-1].file) as largest:
        assert [
            close(c, e) for c, e in zip(quadrant_colours(largest), [RED, GREEN, BLUE, WHITE], strict=True)
        ] == [True] * 4


def test_small_and_animated_photos_are_warnings(scratch_catalog: Path, edit: Edit) -> None:
    make_photo(scratch_catalog / "products/saffron-taliouine/main.jpg", (800, 600))
    frames = [Image.new("RGB", (1600, 1200), colour) for colour in (RED, BLUE)]
    detail = scratch_catalog / "products/saffron-taliouine/detail.webp"
    frames[0].save(detail, "WEBP", save_all=True, append_images=frames[1:], quality=50)
    (scratch_catalog / "products/saffron-taliouine/detail.jpg").unlink()
    edit(scratch_catalog / SAFFRON, "file: detail.jpg", "file: detail.webp")
    loaded = load_catalog(scratch_catalog)
    assert loaded.catalog is not None  # warnings do not stop the build
    assert [format_problem(problem, "en") for problem in loaded.problems] == [
        f"⚠ {where()}\n"
        '  The image "main.jpg" is 800 pixels wide; it needs at least 1200 to look sharp on large screens.\n'
        "  Fix: Use the original photo from the phone rather than a copy sent through a chat app.",
        f"⚠ {SAFFRON}:{SAFFRON_MAIN_LINE + 5} › photos[2].file\n"
        '  The image "detail.webp" is animated (2 frames); the catalog shows only its first frame.\n'
        "  Fix: Replace it with a still photo.",
    ]


def test_messages_exist_in_french(scratch_catalog: Path) -> None:
    HOSTILE["thin"][0](scratch_catalog / "products/saffron-taliouine/main.jpg")
    problem = load_catalog(scratch_catalog).problems[0]
    assert format_problem(problem, "fr") == (
        f"✖ {where()}\n"
        "  L'image « main.jpg » mesure 1 × 50000 pixels : son grand côté peut faire au plus 5 fois "
        "son petit côté.\n"
        "  Correction\u00a0: Recadrez-la dans une forme de photo habituelle, par exemple 4:3 ou carrée."
    )


# ---------------------------------------------------------------------------------------------
# logos and QR codes


def test_logo_keeps_transparency_at_logo_widths(tmp_path: Path) -> None:
    source = tmp_path / "logo.png"
    logo = Image.new("RGBA", (800, 400), (0, 0, 0, 0))
    logo.paste((20, 90, 60, 255), (200, 100, 600, 300))
    logo.save(source, "PNG")
    rendition, outputs = render(source, tmp_path, "logo")
    assert sorted({v.width for v in rendition.variants}) == [160, 320, 640]
    assert [v.mime for v in rendition.of_type("image/png")] == ["image/png"] * 3
    with Image.open(outputs["png"]) as png:
        assert png.mode == "RGBA" and png.getpixel((5, 5))[3] == 0  # type: ignore[index]


def test_qr_code_stays_lossless_sharp_and_large_enough(tmp_path: Path) -> None:
    modules = Image.effect_noise((37, 37), 200).point(lambda v: 255 if v > 128 else 0).convert("L")
    source = tmp_path / "wechat-qr.png"
    small = modules.resize((37 * 4, 37 * 4), Image.Resampling.NEAREST)  # 148 px, 4 px a module
    small.save(source, "PNG")
    assert inspection.inspect_image(source, "qr") == []
    rendition, outputs = render(source, tmp_path, "qr")
    assert [v.mime for v in rendition.variants] == ["image/webp", "image/png"]
    assert rendition.width == 148 * 4 >= formats.QR_MIN_OUTPUT_PX
    expected = small.resize((rendition.width, rendition.height), Image.Resampling.NEAREST).convert("RGB")
    for output in outputs.values():
        with Image.open(output) as image:
            assert image.convert("RGB").tobytes() == expected.tobytes(), output  # lossless, no blur


def test_qr_code_too_small_to_scan_is_an_error(tmp_path: Path) -> None:
    source = tmp_path / "qr.png"
    Image.new("L", (60, 60), 0).save(source, "PNG")
    [finding] = inspection.inspect_image(source, "qr")
    assert (finding.level, finding.params["min_px"]) == ("error", 120)
    assert asserted([finding]) == ["qr_too_small"]


# ---------------------------------------------------------------------------------------------
# cache and pool


def test_unchanged_photos_are_never_encoded_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [make_photo(tmp_path / f"p{i}.jpg", (500, 400), (40 * i, 90, 120)) for i in range(3)]
    cache = tmp_path / "cache"
    reports: list[tuple[int, int, int]] = []
    first = images.render_photos(sources, cache, workers=2, progress=lambda *r: reports.append(r))
    assert reports[-1] == (3, 3, 0)
    images._rendition_memo.clear()  # as in a new build process: only the cache folder is left
    encoded: list[str] = []
    monkeypatch.setattr(images, "encode_image", lambda *args: encoded.append(args[0]))
    reports.clear()
    again = images.render_photos(sources, cache, progress=lambda *r: reports.append(r))
    assert again == first and encoded == [] and reports == [(3, 3, 3)]


# ---------------------------------------------------------------------------------------------
# a real build over real photographs


def test_build_over_real_photographs(scratch_catalog: Path, tmp_path: Path) -> None:
    folder = scratch_catalog / "products/saffron-taliouine"
    for name, (picture, orientation) in {"main.jpg": ("coffee", 6), "detail.jpg": ("astronaut", 1)}.items():
        pixels = getattr(skimage.data, picture)()
        photo = Image.fromarray(pixels).resize((1600, 1200), Image.Resampling.LANCZOS)
        photo.save(folder / name, "JPEG", quality=90, exif=gps_exif(orientation), comment=b"home of")
    site_dir = tmp_path / "site"
    result = run_site("build", scratch_catalog, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site_dir / "en/products/saffron-taliouine/index.html").read_text(encoding="utf-8")
    pictures = re.findall(r"<picture.*?</picture>", page, re.S)
    assert len(pictures) == 2
    first, second = pictures
    assert first.index('type="image/avif"') < first.index('type="image/webp"') < first.index("<img")
    assert 'width="1200" height="1600"' in first  # the EXIF turn is applied: portrait
    assert 'fetchpriority="high"' in first and 'loading="lazy"' not in first
    assert 'loading="lazy"' in second and 'decoding="async"' in second
    assert "background-image:url(data:image/webp;base64," in second
    files = re.findall(r"\.\./\.\./\.\./media/([\w.-]+)", first)
    assert len(set(files)) == 12  # 4 widths × AVIF, WebP, JPEG
    for file in files:
        assert_free_of_metadata(site_dir / "media" / file)


def test_a_rendition_damaged_after_its_check_fails_the_copy_and_is_removed(tmp_path: Path) -> None:
    """Bytes changed under an unchanged stat (a disk's fault) are only seen when the photo is
    copied into the site: the build stops, and the file goes, so the next build encodes it."""
    cache = tmp_path / "cache"
    (rendition,) = images.render_photos([make_photo(tmp_path / "p.jpg", (500, 400))], cache)
    name = rendition.checks[0][0]
    damaged = cache / name
    damaged.write_bytes(bytes(b ^ 0xFF for b in damaged.read_bytes()))
    with pytest.raises(formats.CacheDamaged, match=r"changed or damaged during the build: removed"):
        images.publish([rendition], cache, tmp_path / "site")
    assert not damaged.exists()
    images.forget_stat_memos()
    (again,) = images.render_photos([tmp_path / "p.jpg"], cache)
    images.publish([again], cache, tmp_path / "site2")
    assert (tmp_path / "site2" / formats.MEDIA_DIR / name).is_file()
