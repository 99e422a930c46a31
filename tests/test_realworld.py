"""The real-world test catalog (tests/realworld: 22 real cooperatives, 48 products, written from
public sources with their gaps) validates, builds, and no page shows a fact its record does not
state: every gap listed in tests/realworld/facts.yml is shown as a gap, and every number a page
prints about a product or a cooperative is written in that record."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from htmlscan import fact_rows, find, text
from miftah.catalog.loading import load_catalog
from miftah.i18n import t
from miftah.languages import CODES
from support import REALWORLD, run_check

GAPS: dict[str, list[str]] = yaml.safe_load((REALWORLD / "facts.yml").read_text(encoding="utf-8"))
PRODUCTS = sorted(GAPS)
TRADE_ROWS = {"moq": "moq", "price": "price", "lead_time": "lead_time", "samples": "samples"}
DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers_written(*paths: Path) -> set[str]:
    found: set[str] = set()
    for path in paths:
        for number in DIGITS.findall(path.read_text(encoding="utf-8")):
            found |= {number, number.lstrip("0") or "0", *re.split(r"[.,]", number)}
    return found


def test_realworld_catalog_is_valid_with_no_warning() -> None:
    result = run_check(REALWORLD, "--strict")  # notices ("no photo yet") never fail
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == f"0 error(s), 0 warning(s), {len(PRODUCTS)} notice(s)."


def test_every_product_has_its_list_of_gaps() -> None:
    assert sorted(p.name for p in (REALWORLD / "products").iterdir()) == PRODUCTS
    loaded = load_catalog(REALWORLD)
    assert loaded.catalog is not None
    assert len(loaded.catalog.cooperatives) >= 10 and len(PRODUCTS) >= 25
    assert len({p.category for p in loaded.catalog.products.values()}) >= 6
    assert all(record.sources for record in loaded.catalog.cooperatives.values())


@pytest.mark.parametrize("code", CODES)
def test_unknown_trade_terms_are_shown_as_unknown(realworld_site: Path, code: str) -> None:
    unknown = t(code, "to_be_confirmed")
    for slug in PRODUCTS:
        rows = fact_rows(realworld_site / code / "products" / slug / "index.html", "ms-trade")
        for gap, key in TRADE_ROWS.items():
            if gap in GAPS[slug]:
                assert rows[t(code, key)] == unknown, (slug, gap)


@pytest.mark.parametrize("code", CODES)
def test_missing_photos_contacts_and_china_answers_are_said(realworld_site: Path, code: str) -> None:
    for slug in PRODUCTS:
        page = realworld_site / code / "products" / slug / "index.html"
        shown = text(page)
        if "photos" in GAPS[slug]:
            assert find(page, "span", **{"class": "ms-no-photo"}), slug
            assert not find(page, "meta", property="og:image"), slug
        if "contacts" in GAPS[slug]:
            assert t(code, "contact_desk") in shown, slug
        if "gacc" in GAPS[slug]:
            assert t(code, "gacc_unknown") in shown, slug
        if "chinese_label" in GAPS[slug]:
            assert t(code, "label_unknown") in shown, slug
        assert "example.invalid" not in shown


@pytest.mark.parametrize("code", CODES)
def test_every_number_on_a_page_is_in_its_records(realworld_site: Path, code: str) -> None:
    """Founding years, members, quantities, dates, codes: no number appears from nowhere."""
    loaded = load_catalog(REALWORLD)
    assert loaded.catalog is not None
    for product in loaded.catalog.products.values():
        cooperative = loaded.catalog.cooperative_of(product)
        written = _numbers_written(product.folder / "product.yml", cooperative.folder / "cooperative.yml")
        page = realworld_site / code / "products" / product.slug / "index.html"
        shown = [*fact_rows(page, "ms-trade").values(), *fact_rows(page, "ms-facts").values()]
        invented = {number for value in shown for number in DIGITS.findall(value)} - written
        assert invented == set(), (product.slug, invented)
    for cooperative in loaded.catalog.cooperatives.values():
        written = _numbers_written(cooperative.folder / "cooperative.yml")
        page = realworld_site / code / "cooperatives" / cooperative.slug / "index.html"
        invented = {
            n for value in fact_rows(page, "ms-facts").values() for n in DIGITS.findall(value)
        } - written
        assert invented == set(), (cooperative.slug, invented)


def test_fictional_words_appear_only_beside_samples(realworld_site: Path) -> None:
    for page in (realworld_site / "zh" / "cooperatives").glob("*/index.html"):
        shown = text(page)
        assert "虚构" not in shown, page  # no record of this catalog is a sample cooperative
    footer = text(realworld_site / "en" / "index.html")
    assert "fictional" not in footer
