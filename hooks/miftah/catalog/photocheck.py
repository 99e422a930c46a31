"""Checks on the image files a record refers to, cheap enough for `make check` (no encoding).

Every image a record lists (product photos, logos, WeChat QR codes; found through the schema
by ``kinds.referenced_files``) is opened with the pipeline's own safe opener: format
allow-list, size, pixel and shape limits, a cheap read to the end (``miftah.media.inspection.inspect_image``).
"""

from __future__ import annotations

from pathlib import Path

from miftah.catalog.kinds import referenced_files
from miftah.catalog.problems import Problem
from miftah.catalog.rawrecord import RawRecord
from miftah.media.images import inspect_image_cached

IMAGE_ROLES = ("photo", "logo", "qr")  # files the pipeline opens and encodes; documents are not


def check_photo_files(record: RawRecord, cache_dir: Path) -> list[Problem]:
    """Problems with the image files of one record (format, size, corruption…); verdicts on
    unchanged images are reused from the photo cache ``cache_dir``."""
    problems = []
    for field, name, kind in referenced_files(record.schema, record.values):  # names that passed
        if kind not in IMAGE_ROLES:
            continue
        line = record.line_of(field)
        path = record.folder / name
        for finding in inspect_image_cached(path, kind, cache_dir):
            problems.append(
                Problem(record.shown_path, line, field, finding.code, finding.params, finding.level)
            )
    return problems
