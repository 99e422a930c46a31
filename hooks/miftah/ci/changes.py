"""What a pull request adds or alters, told to its reviewer: records, photos, pages, code.

Input is the output of ``git diff --name-status`` (one ``STATUS<TAB>path[<TAB>new path]`` a
line); output is a Markdown summary in French and English for the job summary. Anything that is
not a record, a file of a record's folder or a hand-written page is code or configuration:
such a pull request needs a maintainer's review, whoever sent it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from miftah.catalog.loading import RECORD_FILE
from miftah.languages import CODES

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
DOCS_DIR = "docs"
_VERBS = {"A": ("ajouté", "added"), "M": ("modifié", "changed"), "D": ("supprimé", "deleted")}


@dataclass(frozen=True)
class Change:
    status: str  # A, M or D (a rename is a deletion and an addition)
    path: str


@dataclass(frozen=True)
class Summary:
    records: list[Change]
    photos: list[Change]  # and every other file in a record's folder
    pages: list[Change]
    code: list[Change]
    catalog_pages: list[str]  # pages of the site that the record changes rebuild

    @property
    def touches_code(self) -> bool:
        return bool(self.code)


def parse_name_status(text: str) -> list[Change]:
    changes = []
    for line in text.splitlines():
        if not line.strip():
            continue
        status, *paths = line.split("\t")
        if status.startswith(("R", "C")) and len(paths) == 2:
            changes += [] if status.startswith("C") else [Change("D", paths[0])]
            changes.append(Change("A", paths[1]))
        elif paths:
            changes.append(Change(status[0] if status[0] in _VERBS else "M", paths[0]))
    return changes


def summarise(changes: list[Change]) -> Summary:
    records: list[Change] = []
    photos: list[Change] = []
    pages: list[Change] = []
    code: list[Change] = []
    touched: set[tuple[str, str]] = set()
    for change in changes:
        parts = PurePosixPath(change.path).parts
        if len(parts) == 3 and parts[0] in RECORD_FILE:
            touched.add((parts[0], parts[1]))
            (records if parts[2] == RECORD_FILE[parts[0]] else photos).append(change)
        elif len(parts) > 3 and parts[0] in RECORD_FILE:
            touched.add((parts[0], parts[1]))
            photos.append(change)
        elif parts and parts[0] == DOCS_DIR and change.path.endswith(".md"):
            pages.append(change)
        else:
            code.append(change)
    catalog_pages = [f"/{lang}/{kind}/{slug}/" for kind, slug in sorted(touched) for lang in CODES]
    return Summary(records, photos, pages, code, catalog_pages)


def markdown(summary: Summary) -> str:
    lines = ["## Ce que change la pull request · What this pull request changes", ""]
    if summary.touches_code:
        lines += [
            "> [!IMPORTANT]",
            "> Cette pull request modifie du code ou de la configuration : un mainteneur doit la relire.",
            "> This pull request changes code or configuration: a maintainer must review it.",
            "",
        ]
    sections = (
        ("Fiches · Records", summary.records),
        ("Photos et fichiers des fiches · Photos and record files", summary.photos),
        ("Pages rédigées · Hand-written pages", summary.pages),
        ("Code et configuration · Code and configuration", summary.code),
    )
    for title, changes in sections:
        lines += [f"### {title} ({len(changes)})", ""]
        lines += [_item(change) for change in changes] or ["—"]
        lines.append("")
    if summary.catalog_pages:
        lines += ["### Pages du catalogue reconstruites · Catalog pages rebuilt", ""]
        lines += [f"- `{page}`" for page in summary.catalog_pages]
        lines.append("")
    return "\n".join(lines)


def _item(change: Change) -> str:
    french, english = _VERBS.get(change.status, _VERBS["M"])
    return f"- `{change.path}` — {french} · {english}"
