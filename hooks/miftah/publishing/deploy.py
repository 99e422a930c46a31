"""What a deploy to object storage owns, and so what it may overwrite and delete.

A deploy stores, beside the site, a manifest (``MANIFEST_NAME``) listing every file it published.
The next deploy deletes only files that this manifest lists and the new build no longer has; any
other object under the prefix (another app, backups, logs, a wrong ``S3_PREFIX``) is foreign:
never deleted, and never overwritten unless the maintainer says ``--adopt``.

Before uploading, the deploy writes the manifest with the files it is about to upload marked
``pending``: an interrupted deploy leaves nothing it does not own, and a rerun finishes the job.
Fingerprinted files of the previous deploy (names that carry a content hash) are kept one more
generation, so a page cached for five minutes never points at a file that is gone.

Everything here is plain data: the storage calls live in ``scripts/deploy_s3.py``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from miftah.languages import CODES

MANIFEST_NAME = ".miftah-deploy.json"
MANIFEST_VERSION = 1
MAX_DELETE_SHARE = 0.5  # a deploy deleting more of the last deploy's files is refused by default

# Names that change whenever their content does, so a browser may keep them for a year.
FINGERPRINTED = (
    re.compile(r"(^|/)assets/.+\.[0-9a-f]{8}\.min\.(css|js)(\.map)?$"),  # Material's bundles
    re.compile(r"(^|/)assets/[^/]+\.[0-9a-f]{8}\.(css|js|svg)$"),  # ours (site.fingerprint_assets)
    re.compile(r"^media/[0-9a-f]{12,}-\d+\.(avif|webp|jpg|png)$"),  # our photos: <hash>-<width>
    re.compile(r"^pagefind/(fragment|index)/[^/]+\.pf_(fragment|index)$"),
    re.compile(r"^pagefind/pagefind\.[^/]+_[0-9a-f]+\.pf_meta$"),
)
# Published last, when everything they point to is in place.
ENTRY_POINTS = re.compile(r"(\.html|^sitemap\.xml|^robots\.txt|^pagefind/pagefind-entry\.json)$")


class ManifestError(Exception):
    pass


@dataclass(frozen=True)
class Manifest:
    """The files (paths below the prefix) that deploys of this site published there."""

    site: tuple[str, ...] = ()  # the last finished deploy
    kept: tuple[str, ...] = ()  # fingerprinted files of the deploy before it, still served
    pending: tuple[str, ...] = ()  # uploads of a deploy that has not finished

    def owned(self) -> set[str]:
        return {*self.site, *self.kept, *self.pending}

    def to_json(self) -> bytes:
        data = {"version": MANIFEST_VERSION, "site": self.site, "kept": self.kept, "pending": self.pending}
        return json.dumps(data, indent=0, sort_keys=True).encode()

    @classmethod
    def from_json(cls, text: bytes) -> Manifest:
        try:
            data = json.loads(text)
            if data["version"] != MANIFEST_VERSION:
                raise ValueError(data["version"])
            return cls(*(tuple(str(item) for item in data[part]) for part in ("site", "kept", "pending")))
        except (ValueError, KeyError, TypeError) as error:
            message = f"{MANIFEST_NAME} is not a deploy manifest this version reads ({error})"
            raise ManifestError(message) from None


@dataclass(frozen=True)
class Plan:
    upload: list[str]  # paths, assets first and entry points last
    unchanged: list[str]
    delete: list[str]  # owned files the new site no longer has
    keep: list[str]  # the previous deploy's fingerprinted files, kept one more generation
    foreign: list[str] = field(default_factory=list)  # files the site would overwrite but does not own
    previous_size: int = 0  # how many files the last finished deploy published

    def removed(self) -> int:
        """How many of the last deploy's files leave the site (deleted now or next time)."""
        return len(self.delete) + len(self.keep)

    def deletes_too_much(self) -> bool:
        return self.previous_size > 0 and self.removed() > MAX_DELETE_SHARE * self.previous_size

    def started(self, previous: Manifest) -> Manifest:
        """The manifest written before the first upload: everything that may exist is owned."""
        pending = sorted({*previous.pending, *self.upload})
        return Manifest(previous.site, previous.kept, tuple(pending))

    def finished(self) -> Manifest:
        return Manifest(tuple(sorted(self.upload + self.unchanged)), tuple(self.keep))


def is_fingerprinted(relative: str) -> bool:
    return any(pattern.search(relative) for pattern in FINGERPRINTED)


def plan(
    local: dict[str, str],
    remote: dict[str, str],
    previous: Manifest,
    force: bool = False,
    adopt: bool = False,
) -> Plan:
    """What to upload, delete and keep: ``local`` and ``remote`` map paths below the prefix to
    MD5 hex digests (remote: the ETag); only files ``previous`` lists are ever deleted."""
    owned = previous.owned()
    foreign = sorted(relative for relative in local if relative in remote and relative not in owned)
    upload: list[str] = []
    unchanged: list[str] = []
    for relative, digest in local.items():
        same = remote.get(relative) == digest
        (unchanged if same and not force else upload).append(relative)
    upload.sort(key=lambda relative: (bool(ENTRY_POINTS.search(relative)), relative))
    gone = {relative for relative in owned if relative not in local and relative in remote}
    keep = sorted(relative for relative in previous.site if relative in gone and is_fingerprinted(relative))
    delete = sorted(gone - set(keep))
    return Plan(upload, sorted(unchanged), delete, keep, [] if adopt else foreign, len(previous.site))


def missing_parts(site_dir: Path) -> list[str]:
    """What a finished three-language build has and ``site_dir`` lacks ([] for a finished build)."""
    wanted = ["index.html", "404.html", "sitemap.xml", "robots.txt", "pagefind/pagefind-entry.json"]
    for code in CODES:
        wanted += [f"{code}/index.html", f"{code}/404.html", f"{code}/search/index.html"]
    missing = [name for name in wanted if not (site_dir / name).is_file()]
    for folder in ["media", *(f"{code}/assets" for code in CODES)]:
        if not (site_dir / folder).is_dir() or not any((site_dir / folder).iterdir()):
            missing.append(folder + "/")
    return missing


def redact(url: str) -> str:
    """A URL fit to print: a user name or password written into it becomes ``***``."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))
