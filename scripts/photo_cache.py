"""The photo cache's size, and pruning it: `python scripts/photo_cache.py report|prune`
(`make cache-report`, `make cache-prune`).

``report`` prints what ``.cache/photos`` holds and how much of it the current records still use;
``prune`` removes the entries that no image of the records uses (and leftovers of killed builds).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from miftah.catalog.loading import load_catalog  # noqa: E402
from miftah.failures import os_error_line  # noqa: E402
from miftah.media import formats, images, photocache  # noqa: E402
from miftah.publishing import site  # noqa: E402
from miftah.publishing.build import images_to_render  # noqa: E402

MIB = 1024 * 1024


def used_keys(root: Path, cache_dir: Path) -> set[str] | None:
    """The cache keys of every image the records show; None when a record has errors."""
    loaded = load_catalog(root)
    if loaded.catalog is None:
        return None
    wanted = images_to_render(loaded.catalog)
    return {images.content_key(path, kind, cache_dir) for kind, paths in wanted.items() for path in paths}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=("report", "prune"))
    args = parser.parse_args()
    root = site.records_root(ROOT)
    cache_dir = root / formats.PHOTO_CACHE
    try:
        keys = used_keys(root, cache_dir)
        if keys is None:
            message = "the records have errors: run `make check` and fix them first"
            print(f"photo-cache: {message}", file=sys.stderr)
            return 1
        if args.command == "prune":
            removed, freed = photocache.prune(cache_dir, keys)
            print(f"{cache_dir}: removed {removed} files, {freed / MIB:.1f} MiB freed")
            return 0
        usage = photocache.usage(cache_dir, keys)
    except OSError as error:
        print(f"photo-cache: {os_error_line(error, cache_dir)}", file=sys.stderr)
        return 1
    print(
        f"{cache_dir}: {usage.entries} entries, {usage.files} files, {usage.bytes / MIB:.1f} MiB; "
        f"unused by the records: {usage.unused_entries} entries, {usage.unused_bytes / MIB:.1f} MiB "
        f"(`make cache-prune` removes them); temporary or stray files: {usage.temporary_files}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
