"""A record that does not state a fact never gets one on a page (issue 11): the sample argan oil
and its cooperative, stripped of what real cooperatives often do not publish, are built for
real, and every page shows each gap as a gap — "to be confirmed", a designed no-photo panel,
the export desk's contact — never a number, a photo or an address the records do not hold."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from htmlscan import fact_rows, find, section, text
from miftah.catalog.loading import load_catalog
from miftah.i18n import t
from miftah.languages import CODES
from support import GAPS_COOPERATIVE, GAPS_PRODUCT

UNKNOWN = {"zh": "待确认", "fr": "à confirmer", "en": "to be confirmed"}


def _json_ld(page: Path) -> list[dict[str, Any]]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text("utf-8"), re.S)
    return [json.loads(block) for block in blocks]


@pytest.mark.parametrize("code", CODES)
def test_unknown_trade_terms_are_to_be_confirmed(gaps_site: Path, code: str) -> None:
    page = gaps_site / code / "products" / GAPS_PRODUCT / "index.html"
    rows = fact_rows(page, "ms-trade")
    unknown = {label: value for label, value in rows.items() if value == UNKNOWN[code]}
    assert [t(code, key) for key in ("moq", "price", "lead_time", "samples")] == list(unknown)
    assert "ms-unknown" in page.read_text(encoding="utf-8")  # styled as a pending answer


def test_no_photo_is_a_designed_panel_not_a_fake_picture(gaps_site: Path) -> None:
    page = gaps_site / "zh" / "products" / GAPS_PRODUCT / "index.html"
    (panel,) = find(page, "span", **{"class": "ms-no-photo"})
    assert panel.attrs == {"class": "ms-no-photo", "role": "img", "aria-label": "产品照片即将补充"}
    assert "ms-photo" not in section(page, "ms-hero") and not find(page, "meta", property="og:image")
    (product,) = [d for d in _json_ld(page) if d["@type"] == "Product"]
    assert "image" not in product and "eligibleQuantity" not in product["offers"]
    assert "priceSpecification" not in product["offers"]
    assert "address" not in product["countryOfOrigin"]  # the region is not stated: not guessed


def test_card_says_nothing_it_does_not_know(gaps_site: Path) -> None:
    catalog = (gaps_site / "zh" / "products" / "index.html").read_text(encoding="utf-8")
    card = re.search(
        rf'<li class="ms-card"[^>]*>\s*<a href="[^"]*/products/{GAPS_PRODUCT}/".*?</li>', catalog, re.S
    )
    assert card
    assert "ms-card__trade" not in card.group(0) and "起订量" not in card.group(0)
    assert 'data-region=""' in card.group(0)  # not counted in any region filter
    assert "ms-no-photo" in card.group(0)


def test_inquiry_goes_to_the_export_desk_and_says_so(gaps_site: Path) -> None:
    loaded = load_catalog(Path(gaps_site).parent / "records")
    assert loaded.catalog is not None
    desk = loaded.catalog.programme.export_desk
    page = gaps_site / "fr" / "products" / GAPS_PRODUCT / "index.html"
    found = re.search(r'id="ms-inquiry-data">(.*?)</script>', page.read_text("utf-8"), re.S)
    assert found
    data = json.loads(found.group(1))
    assert data["email"] == desk.email
    assert "Coopérative Tifaout (exemple)" in data["texts"]["fr"]["product"]  # the desk knows for whom
    shown = text(page)
    assert (
        "Cette coopérative ne publie pas de contact propre : Bureau export Miftah Souk (exemple) reçoit "
        "les demandes et les transmet à Coopérative Tifaout (exemple)." in shown
    )
    (quantity,) = find(page, "input", name="quantity")
    assert "value" not in quantity.attrs  # no MOQ to pre-fill: the buyer types it
    assert "example.invalid" not in page.read_text("utf-8")


@pytest.mark.parametrize("code", CODES)
def test_cooperative_without_place_says_so(gaps_site: Path, code: str) -> None:
    page = gaps_site / code / "cooperatives" / GAPS_COOPERATIVE / "index.html"
    rows = fact_rows(page, "ms-facts")
    assert rows[t(code, "region")] == UNKNOWN[code]
    assert t(code, "founded") in rows  # what the record states is still there
