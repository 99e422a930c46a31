"""Checks on the image files a record refers to, cheap enough for `make check` (no encoding)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from miftah.problems import Problem

if TYPE_CHECKING:
    from miftah.rules import RawRecord


def check_photo_files(record: RawRecord) -> list[Problem]:
    """Problems with the image files of one record (format, size, corruption…)."""
    return []
