"""Checks across fields, records and folders, which the per-field schema cannot see.

Each rule takes converted records and returns problems; ``check_catalog`` runs them all, in one
visible order. Rules never raise on data.
"""

from __future__ import annotations

import datetime
import difflib
import re
from pathlib import Path
from typing import Any

from miftah.catalog.claims import check_health_claims, check_organic_claim
from miftah.catalog.kinds import referenced_files
from miftah.catalog.photocheck import check_photo_files
from miftah.catalog.problems import Problem
from miftah.catalog.rawrecord import RawRecord
from miftah.catalog.schema import SLUG_PATTERN, expired
from miftah.catalog.taxonomy import vocabulary
from miftah.catalog.textrules import ascii_id, placeholder_in, shown
from miftah.catalog.yamlnodes import Mapping, Sequence
from miftah.clock import today
from miftah.media.formats import PHOTO_CACHE

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
        "edit",
    }
)
DOCUMENT_SUFFIXES = (".md", ".txt")  # notes such as PHOTO-CREDITS.md may sit beside a record
VERIFIED_WITHIN_DAYS = 365


def check_catalog(
    root: Path,
    cooperatives: dict[str, RawRecord],
    products: dict[str, RawRecord],
    programme: RawRecord | None = None,
) -> list[Problem]:
    problems: list[Problem] = []
    day = today()
    for record in [*cooperatives.values(), *products.values()]:
        problems += check_slug(record)
        problems += check_unused_files(record)
        problems += check_photo_files(record, root / PHOTO_CACHE)
        problems += check_sources(record)
    published = [p for p in products.values() if p.values.get("status") == "published"]
    for record in [*cooperatives.values(), *published, *([programme] if programme else [])]:
        problems += check_placeholders(record)
    if programme is not None:
        problems += check_unused_files(programme)
        problems += check_photo_files(programme, root / PHOTO_CACHE)
        problems += check_desk(programme)
    for record in cooperatives.values():
        problems += check_certificates(record, day)
        problems += check_contacts(record)
        problems += check_members(record, day)
        problems += check_place(record, "")
    for record in products.values():
        problems += check_cooperative_exists(record, cooperatives)
        problems += check_certificate_references(record, cooperatives)
        problems += check_last_verified(record, day)
        problems += check_publishable(record)
        problems += check_pricing(record)
        problems += check_china_market(record)
        problems += check_place(record, "origin.")
        problems += check_organic_claim(record, cooperatives.get(record.values.get("cooperative", "")), day)
        problems += check_health_claims(record)
    return problems


def check_slug(record: RawRecord) -> list[Problem]:
    if not re.fullmatch(SLUG_PATTERN, record.slug):
        suggestion = ascii_id(record.slug, f"new-{Path(record.shown_path).stem}")  # new-product
        params: dict[str, object] = {"slug": shown(record.slug), "suggestion": suggestion}
        return [Problem(record.shown_path, None, "", "bad_slug", params)]
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
        if start and end and (start.year, start.month or 1, start.day or 1) > (end.year, end.month, end.day):
            problems.append(
                cooperative.problem(
                    f"{field}.valid_until",
                    "dates_reversed",
                    start=cooperative.written(f"{field}.valid_from"),
                    end=end,
                )
            )
        elif expired(end, day) and certificate.get("status") != "suspended":
            problems.append(
                cooperative.problem(
                    f"{field}.valid_until", "certificate_expired", "warning", value=end, id=certificate_id
                )
            )
    return problems


CONTACT_WAYS = ("wechat", "email", "phone", "whatsapp")


def check_contacts(cooperative: RawRecord) -> list[Problem]:
    """A contact written with no way to reach them at all. A way that is written but malformed
    has its own message already: it is not also told as "no way to be reached"."""
    problems = []
    contacts = cooperative.node.entries.get("contacts")
    items = contacts.value.items if contacts and isinstance(contacts.value, Sequence) else []
    for index, item in enumerate(items, start=1):
        if isinstance(item, Mapping) and not any(way in item.entries for way in CONTACT_WAYS):
            problems.append(cooperative.problem(f"contacts[{index}]", "contact_empty"))
    return problems


def check_desk(programme: RawRecord) -> list[Problem]:
    """The export desk is every page's inquiry path of last resort: it must be reachable."""
    desk = programme.node.entries.get("export_desk")
    if desk and isinstance(desk.value, Mapping) and not any(w in desk.value.entries for w in CONTACT_WAYS):
        return [programme.problem("export_desk", "contact_empty")]
    return []


def _top(value: Any) -> int | None:
    """The largest number an approximate value allows (None: no upper bound)."""
    return None if value.high is None else int(value.high)


def check_members(cooperative: RawRecord, day: datetime.date) -> list[Problem]:
    problems = []
    members = cooperative.values.get("members") or {}
    women, total = members.get("women"), members.get("total")
    if women and total and (top := _top(total)) is not None and women.low > top:
        problems.append(
            cooperative.problem(
                "members.women",
                "more_women_than_members",
                women=cooperative.written("members.women"),
                total=cooperative.written("members.total"),
            )
        )
    founded = cooperative.values.get("founded_year")
    if founded and founded.low > day.year:
        problems.append(
            cooperative.problem("founded_year", "year_in_future", value=cooperative.written("founded_year"))
        )
    return problems


def check_place(record: RawRecord, prefix: str) -> list[Problem]:
    """A province lies in one region: a record that names both must agree with the gazetteer."""
    place = record.values.get("origin") or {} if prefix else record.values
    region, province = place.get("region"), place.get("province")
    if not (region and province):
        return []
    expected = vocabulary("provinces")[province].fact("region")
    if expected == region:
        return []
    return [record.problem(f"{prefix}region", "region_province_mismatch", province=province, region=expected)]


def check_placeholders(record: RawRecord) -> list[Problem]:
    """Texts still saying "to be completed": a published page would show them to buyers."""
    problems = []
    for path, text in _texts(record.values, ""):
        if word := placeholder_in(text):
            problems.append(record.problem(path, "placeholder_text", word=word))
    return problems


def _texts(value: Any, path: str) -> list[tuple[str, str]]:
    """Every string of a converted record, with its field path."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [
            pair for key, inner in value.items() for pair in _texts(inner, f"{path}.{key}" if path else key)
        ]
    if isinstance(value, list):
        return [pair for i, inner in enumerate(value, start=1) for pair in _texts(inner, f"{path}[{i}]")]
    return []


def check_sources(record: RawRecord) -> list[Problem]:
    problems = []
    for index, source in enumerate(record.values.get("sources", []), start=1):
        if not source.get("url") and not source.get("document") and "title" in source:
            problems.append(record.problem(f"sources[{index}]", "source_without_address"))
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
    """A product may be published before its photos exist (the page shows a designed panel):
    a notice for the contributor, never a blocked pull request."""
    if product.values.get("status") == "published" and "photos" not in product.node.entries:
        return [product.problem("", "published_without_photo", "notice")]
    return []


def check_pricing(product: RawRecord) -> list[Problem]:
    pricing = (product.values.get("trade") or {}).get("pricing")
    node = product.node_at("trade.pricing")
    if pricing is None or not isinstance(node, Mapping):
        return []
    field = "trade.pricing"
    written = node.entries  # what was written, even when its value had a problem of its own
    if pricing.get("on_request") and pricing.get("tiers"):
        return [product.problem(field, "pricing_both")]
    on_request_broken = "on_request" in written and "on_request" not in pricing  # told already
    if "tiers" not in written and not pricing.get("on_request") and not on_request_broken:
        return [product.problem(field, "pricing_none")]
    if "tiers" in written and not ("currency" in written and "unit" in written):
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


def check_unused_files(record: RawRecord) -> list[Problem]:
    used = {record.shown_path.rsplit("/", 1)[-1]}
    used |= {name for _, name, _ in referenced_files(record.schema, record.values)}
    problems = []
    for path in sorted(record.folder.iterdir()):
        if path.name in used or path.name.startswith(".") or path.suffix.lower() in DOCUMENT_SUFFIXES:
            continue
        shown = f"{record.shown_path.rsplit('/', 1)[0]}/{path.name}"
        problems.append(Problem(shown, None, "", "unused_file", {"record": record.shown_path}, "warning"))
    return problems
