"""Checks across records and folders, which the per-field schema cannot see.

Each rule takes the converted records and returns problems; ``check_catalog`` runs them all.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from miftah.photocheck import check_photo_files
from miftah.problems import Problem
from miftah.schema import SLUG_PATTERN
from miftah.yamlnodes import Mapping

# Folder names that would collide with the site's own top-level paths.
RESERVED_SLUGS = frozenset(
    {
        "zh",
        "fr",
        "en",
        "assets",
        "search",
        "products",
        "cooperatives",
        "categories",
        "regions",
        "media",
        "pagefind",
        "index",
        "404",
        "sitemap",
        "about",
    }
)
DOCUMENT_SUFFIXES = (".md", ".txt")  # notes such as PHOTO-CREDITS.md may sit beside a record


@dataclass(frozen=True)
class RawRecord:
    slug: str
    folder: Path
    shown_path: str
    node: Mapping
    values: dict[str, Any]

    def line_of(self, key: str) -> int:
        entry = self.node.entries.get(key)
        return entry.key_line if entry else self.node.line


def check_catalog(
    root: Path, cooperatives: dict[str, RawRecord], products: dict[str, RawRecord]
) -> list[Problem]:
    problems: list[Problem] = []
    for record in [*cooperatives.values(), *products.values()]:
        problems += check_slug(record)
        problems += check_unused_files(record)
        problems += check_photo_files(record)
    for record in cooperatives.values():
        problems += check_contact_reachable(record)
    for record in products.values():
        problems += check_cooperative_exists(record, cooperatives)
    return problems


def check_slug(record: RawRecord) -> list[Problem]:
    if not re.fullmatch(SLUG_PATTERN, record.slug):
        suggestion = re.sub(r"[^a-z0-9]+", "-", record.slug.lower()).strip("-")
        return [
            Problem(record.shown_path, None, "", "bad_slug", {"slug": record.slug, "suggestion": suggestion})
        ]
    if record.slug in RESERVED_SLUGS:
        return [Problem(record.shown_path, None, "", "reserved_slug", {"slug": record.slug})]
    return []


def check_cooperative_exists(product: RawRecord, cooperatives: dict[str, RawRecord]) -> list[Problem]:
    slug = product.values.get("cooperative")
    if slug is None or slug in cooperatives:
        return []
    close = difflib.get_close_matches(slug, list(cooperatives), n=1, cutoff=0.6)
    code = "unknown_cooperative_close" if close else "unknown_cooperative"
    params = {"value": slug, "suggestion": close[0] if close else ""}
    return [Problem(product.shown_path, product.line_of("cooperative"), "cooperative", code, params)]


def check_contact_reachable(cooperative: RawRecord) -> list[Problem]:
    contact = cooperative.values.get("contact")
    if contact is None or contact:
        return []
    return [Problem(cooperative.shown_path, cooperative.line_of("contact"), "contact", "contact_empty")]


def check_unused_files(record: RawRecord) -> list[Problem]:
    used = {record.shown_path.rsplit("/", 1)[-1]}
    used |= {photo.get("file") for photo in record.values.get("photos", [])}
    problems = []
    for path in sorted(record.folder.iterdir()):
        if path.name in used or path.name.startswith(".") or path.suffix.lower() in DOCUMENT_SUFFIXES:
            continue
        shown = f"{record.shown_path.rsplit('/', 1)[0]}/{path.name}"
        problems.append(Problem(shown, None, "", "unused_file", {"record": record.shown_path}, "warning"))
    return problems
