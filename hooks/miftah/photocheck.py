"""Checks on the image files a record refers to, cheap enough for `make check` (no encoding).

Every image a record lists — product photos, the cooperative's logo, contacts' WeChat QR
codes — is opened with the pipeline's own safe opener (format allow-list, size, pixel and shape
limits, a cheap read to the end); see ``images.inspect_image``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from miftah.images import inspect_image_cached
from miftah.problems import Problem

if TYPE_CHECKING:
    from miftah.rules import RawRecord


def image_fields(values: dict[str, object]) -> list[tuple[str, str, str]]:
    """(field path, file name, image kind) of every image a record's values name."""
    found: list[tuple[str, str, str]] = []
    photos = values.get("photos")
    for index, photo in enumerate(photos if isinstance(photos, list) else [], start=1):
        if isinstance(photo, dict) and photo.get("file"):
            found.append((f"photos[{index}].file", photo["file"], "photo"))
    logo = values.get("logo")
    if isinstance(logo, str):
        found.append(("logo", logo, "logo"))
    contacts = values.get("contacts")
    for index, contact in enumerate(contacts if isinstance(contacts, list) else [], start=1):
        if isinstance(contact, dict) and contact.get("wechat_qr"):
            found.append((f"contacts[{index}].wechat_qr", contact["wechat_qr"], "qr"))
    return found


def check_photo_files(record: RawRecord, cache_dir: Path) -> list[Problem]:
    """Problems with the image files of one record (format, size, corruption…); verdicts on
    unchanged images are reused from the photo cache ``cache_dir``."""
    problems = []
    for field, name, kind in image_fields(record.values):  # names that passed the schema
        line = record.line_of(field)
        path = record.folder / name
        for finding in inspect_image_cached(path, kind, cache_dir):
            problems.append(
                Problem(record.shown_path, line, field, finding.code, finding.params, finding.level)
            )
    return problems
