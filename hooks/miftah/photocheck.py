"""Checks on the image files a record refers to, cheap enough for `make check` (no encoding).

Each photo a record lists is opened with the pipeline's own safe opener (format allow-list,
size, pixel and shape limits, a cheap read to the end); see ``images.inspect_image``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from miftah.images import inspect_image
from miftah.problems import Problem
from miftah.yamlnodes import Mapping, Scalar, Sequence

if TYPE_CHECKING:
    from miftah.rules import RawRecord


def check_photo_files(record: RawRecord) -> list[Problem]:
    """Problems with the image files of one record (format, size, corruption…)."""
    accepted = {photo.get("file") for photo in record.values.get("photos", [])}  # passed the schema
    problems = []
    for index, name, line in _photo_files(record):
        if name not in accepted:
            continue  # the schema already reported it
        field = f"photos[{index}].file"
        for finding in inspect_image(record.folder / name, "photo"):
            problem = Problem(record.shown_path, line, field, finding.code, finding.params, finding.level)
            problems.append(problem)
    return problems


def _photo_files(record: RawRecord) -> list[tuple[int, str, int]]:
    """(1-based index, file name, line) of each ``photos[i].file`` written in the record."""
    entry = record.node.entries.get("photos")
    if entry is None or not isinstance(entry.value, Sequence):
        return []
    found = []
    for index, item in enumerate(entry.value.items, start=1):
        if isinstance(item, Mapping) and "file" in item.entries:
            value = item.entries["file"].value
            if isinstance(value, Scalar):
                found.append((index, value.text.strip(), value.line))
    return found
