"""Checks across fields, records and folders, which the per-field schema cannot see.

Each rule takes converted records and returns problems; ``check_catalog`` runs them all, in one
visible order. Rules never raise on data.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from miftah.claims import check_health_claims, check_organic_claim
from miftah.clock import today
from miftah.photocheck import check_photo_files
from miftah.problems import Problem
from miftah.schema import SLUG_PATTERN
from miftah.site import PHOTO_CACHE
from miftah.yamlnodes import Mapping, Node, Sequence

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
        "schemas",
    }
)
DOCUMENT_SUFFIXES = (".md", ".txt")  # notes such as PHOTO-CREDITS.md may sit beside a record
VERIFIED_WITHIN_DAYS = 365


@dataclass(frozen=True)
class RawRecord:
    slug: str
    folder: Path
    shown_path: str
    node: Mapping
    values: dict[str, Any]

    def line_of(self, path: str) -> int:
        """The line of a field given as "trade.pricing" or "certificates[2].valid_until"."""
        node: Node = self.node
        line = self.node.line
        for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
            if part.startswith("[") and isinstance(node, Sequence):
                index = int(part[1:-1]) - 1
                if index >= len(node.items):
                    break
                node = node.items[index]
                line = node.line
            elif isinstance(node, Mapping) and part in node.entries:
                line = node.entries[part].key_line
                node = node.entries[part].value
            else:
                break
        return line

    def problem(self, field: str, code: str, level: str = "error", **params: Any) -> Problem:
        return Problem(self.shown_path, self.line_of(field), field, code, params, level)


def check_catalog(
    root: Path, cooperatives: dict[str, RawRecord], products: dict[str, RawRecord]
) -> list[Problem]:
    problems: list[Problem] = []
    day = today()
    for record in [*cooperatives.values(), *products.values()]:
        problems += check_slug(record)
        problems += check_unused_files(record)
        problems += check_photo_files(record, root / PHOTO_CACHE)
    for record in cooperatives.values():
        problems += check_certificates(record, day)
        problems += check_contacts(record)
        problems += check_members(record, day)
    for record in products.values():
        problems += check_cooperative_exists(record, cooperatives)
        problems += check_certificate_references(record, cooperatives)
        problems += check_last_verified(record, day)
        problems += check_publishable(record)
        problems += check_pricing(record)
        problems += check_china_market(record)
        problems += check_organic_claim(record, cooperatives.get(record.values.get("cooperative", "")), day)
        problems += check_health_claims(record)
    return problems


def check_slug(record: RawRecord) -> list[Problem]:
    if not re.fullmatch(SLUG_PATTERN, record.slug):
        suggestion = re.sub(r"[^a-z0-9]+", "-", record.slug.lower()).strip("-")
        return [
            Problem(
                record.shown_path,
                None,
                "",
                "bad_slug",
                {"slug": ascii(record.slug)[1:-1], "suggestion": suggestion},
            )
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
    return [product.problem("cooperative", code, value=slug, suggestion=close[0] if close else "")]


def check_certificate_references(product: RawRecord, cooperatives: dict[str, RawRecord]) -> list[Problem]:
    cooperative = cooperatives.get(product.values.get("cooperative", ""))
    if cooperative is None:
        return []
    known = [c.get("id") for c in cooperative.values.get("certificates", [])]
    problems = []
    for index, certificate_id in enumerate(product.values.get("certificates", []), start=1):
        if certificate_id not in known:
            problems.append(
                product.problem(
                    f"certificates[{index}]",
                    "unknown_certificate",
                    value=certificate_id,
                    cooperative=cooperative.shown_path,
                    known=", ".join(map(str, known)) or "—",
                )
            )
    return problems


def check_certificates(cooperative: RawRecord, day: datetime.date) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    for index, certificate in enumerate(cooperative.values.get("certificates", []), start=1):
        field = f"certificates[{index}]"
        certificate_id = certificate.get("id")
        if certificate_id in seen:
            problems.append(
                cooperative.problem(
                    f"{field}.id", "duplicate_id", value=certificate_id, first=seen[certificate_id]
                )
            )
        elif certificate_id:
            seen[certificate_id] = index
        start, end = certificate.get("valid_from"), certificate.get("valid_until")
        if start and end and start > end:
            problems.append(
                cooperative.problem(f"{field}.valid_until", "dates_reversed", start=start, end=end)
            )
        elif end and end < day:
            problems.append(
                cooperative.problem(
                    f"{field}.valid_until", "certificate_expired", "warning", value=end, id=certificate_id
                )
            )
    return problems


def check_contacts(cooperative: RawRecord) -> list[Problem]:
    problems = []
    for index, contact in enumerate(cooperative.values.get("contacts", []), start=1):
        if not any(contact.get(way) for way in ("wechat", "email", "phone", "whatsapp")):
            problems.append(cooperative.problem(f"contacts[{index}]", "contact_empty"))
    return problems


def check_members(cooperative: RawRecord, day: datetime.date) -> list[Problem]:
    problems = []
    members = cooperative.values.get("members") or {}
    if "women" in members and "total" in members and members["women"] > members["total"]:
        problems.append(
            cooperative.problem(
                "members.women", "more_women_than_members", women=members["women"], total=members["total"]
            )
        )
    founded = cooperative.values.get("founded_year")
    if founded and founded > day.year:
        problems.append(cooperative.problem("founded_year", "year_in_future", value=founded))
    return problems


def check_last_verified(product: RawRecord, day: datetime.date) -> list[Problem]:
    verified = product.values.get("last_verified")
    if verified is None:
        return []
    if verified > day + datetime.timedelta(days=1):  # a day of slack: Morocco, China and UTC differ
        return [product.problem("last_verified", "date_in_future", value=verified)]
    if (day - verified).days > VERIFIED_WITHIN_DAYS:
        return [
            product.problem(
                "last_verified", "verification_old", "warning", value=verified, days=(day - verified).days
            )
        ]
    return []


def check_publishable(product: RawRecord) -> list[Problem]:
    if product.values.get("status") == "published" and not product.values.get("photos"):
        return [product.problem("photos", "published_without_photo")]
    return []


def check_pricing(product: RawRecord) -> list[Problem]:
    pricing = (product.values.get("trade") or {}).get("pricing")
    if pricing is None:
        return []
    field = "trade.pricing"
    if pricing.get("on_request") and pricing.get("tiers"):
        return [product.problem(field, "pricing_both")]
    if not pricing.get("on_request") and not pricing.get("tiers"):
        return [product.problem(field, "pricing_none")]
    if pricing.get("tiers") and not (pricing.get("currency") and pricing.get("unit")):
        return [product.problem(field, "pricing_incomplete")]
    return []


def check_china_market(product: RawRecord) -> list[Problem]:
    market = product.values.get("china_market") or {}
    if market.get("gacc_status") == "registered" and not market.get("gacc_number"):
        return [product.problem("china_market.gacc_status", "gacc_number_missing")]
    if market.get("gacc_number") and market.get("gacc_status") != "registered":
        return [
            product.problem(
                "china_market.gacc_number", "gacc_number_unexpected", status=market.get("gacc_status")
            )
        ]
    return []


def _used_files(record: RawRecord) -> set[str]:
    values = record.values
    used = {record.shown_path.rsplit("/", 1)[-1], values.get("logo")}
    used |= {photo.get("file") for photo in values.get("photos", [])}
    # Cooperatives list certificates as mappings (with an optional document); products by id.
    used |= {c.get("document") for c in values.get("certificates", []) if isinstance(c, dict)}
    used |= {contact.get("wechat_qr") for contact in values.get("contacts", [])}
    return {name for name in used if name}


def check_unused_files(record: RawRecord) -> list[Problem]:
    used = _used_files(record)
    problems = []
    for path in sorted(record.folder.iterdir()):
        if path.name in used or path.name.startswith(".") or path.suffix.lower() in DOCUMENT_SUFFIXES:
            continue
        shown = f"{record.shown_path.rsplit('/', 1)[0]}/{path.name}"
        problems.append(Problem(shown, None, "", "unused_file", {"record": record.shown_path}, "warning"))
    return problems
