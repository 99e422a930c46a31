"""The same commit gives the same bytes: one build on tmpfs with an empty photo cache (photos
encoded in the process pool), one on disk with a warm cache that lacks exactly one photo (that
one encoded in the build's own process); every byte of the two sites is compared."""

from __future__ import annotations

import shutil
from pathlib import Path

from support import make_photo, run_site, small_filesystem


def _tree(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()
    }


def test_builds_are_byte_identical_across_file_systems_and_cache_states(
    scratch_catalog: Path, tmp_path: Path
) -> None:
    for shade, photo in enumerate(sorted((scratch_catalog / "products").glob("*/*.jpg"))):
        make_photo(photo, colour=(30 + 10 * shade, 90, 150))  # distinct photos: several to encode
    on_disk = tmp_path / "disk-site"
    assert run_site("build", scratch_catalog, on_disk).returncode == 0
    cache = scratch_catalog / ".cache" / "photos"
    manifest = sorted(path for path in cache.glob("*.json") if ".inspected-" not in path.name)[0]
    manifest.unlink()  # exactly one photo missing: encoded in-process, not in the pool
    rebuilt = run_site("build", scratch_catalog, on_disk)
    assert rebuilt.returncode == 0, rebuilt.stderr
    with small_filesystem(tmp_path / "tmpfs", "400m") as tmpfs:
        records = tmpfs / "records"
        shutil.copytree(scratch_catalog, records, ignore=shutil.ignore_patterns(".cache"))
        cold = run_site("build", records, tmpfs / "site")  # empty cache: the pool encodes all
        assert cold.returncode == 0, cold.stderr
        disk, memory = _tree(on_disk), _tree(tmpfs / "site")
    assert sorted(disk) == sorted(memory)
    different = [name for name in disk if disk[name] != memory[name]]
    assert not different, different[:10]
