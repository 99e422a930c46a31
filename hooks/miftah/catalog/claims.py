"""Claim guard: words a product text may only use when the record entitles it to them.

- 有机 (organic) in a Chinese text needs a valid Chinese organic certificate (GB/T 19630) among
  the certificates that cover the product: an error. Reviewed phrasings that deny the claim or
  say it is pending (未获有机认证, 有机认证申请中) are allowed.
- Health or medical words in the texts of saffron: a warning for the reviewer.
The word lists live in ``data/claims.yml``.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import Any

import yaml

from miftah import DATA_DIR
from miftah.catalog.problems import Problem
from miftah.catalog.rawrecord import RawRecord
from miftah.catalog.schema import in_force

_CLAIMS = DATA_DIR / "claims.yml"
TEXT_FIELDS = ("name", "summary", "description", "ingredients", "storage")


@functools.cache
def claims() -> dict[str, Any]:
    with open(_CLAIMS, encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def _texts(product: RawRecord, lang: str) -> list[tuple[str, str]]:
    found = []
    for field in TEXT_FIELDS:
        text = (product.values.get(field) or {}).get(lang)
        if text:
            found.append((f"{field}.{lang}", text))
    return found


def check_organic_claim(
    product: RawRecord, cooperative: RawRecord | None, day: datetime.date
) -> list[Problem]:
    rule = claims()["organic"]
    certificates = {
        c.get("id"): c for c in (cooperative.values.get("certificates", []) if cooperative else [])
    }
    entitled = any(
        (certificate := certificates.get(certificate_id))
        and certificate.get("kind") == rule["requires_certificate_kind"]
        and in_force(certificate.get("status"), certificate.get("valid_until"), day)
        for certificate_id in product.values.get("certificates", [])
    )
    if entitled:
        return []
    problems = []
    for field, text in _texts(product, "zh"):
        # Reviewed phrasings that deny or only announce the claim (未获有机认证, 有机认证申请中)
        # are taken out first; any 有机 left is a claim.
        # Spaces are dropped first: "有 机" still reads as 有机 to a buyer.
        claimed = _without(re.sub(r"\s+", "", text), rule["allowed_phrases"])
        for word in rule["words"]:
            if word in claimed:
                problems.append(product.problem(field, "organic_claim", word=word))
    return problems


def _without(text: str, phrases: list[str]) -> str:
    for phrase in sorted(phrases, key=len, reverse=True):
        text = text.replace(phrase, "·")
    return text


def check_health_claims(product: RawRecord) -> list[Problem]:
    rule = claims()["health_claims"]
    applies = rule["applies_to"]
    if not (
        product.values.get("botanical_name") in applies["botanical_names"]
        or product.values.get("hs_code") in applies["hs_codes"]
    ):
        return []
    problems = []
    for lang, words in rule["words"].items():
        for field, text in _texts(product, lang):
            for word in words:
                if _contains_word(text, word, lang):
                    problems.append(product.problem(field, "health_claim", "warning", word=word))
    return problems


def _contains_word(text: str, word: str, lang: str) -> bool:
    if lang == "zh":
        return word in text
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE) is not None
