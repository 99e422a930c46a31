"""What an importer reads on a product page, checked against the record it comes from."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from htmlscan import section, text
from miftah.catalog.loading import load_catalog
from miftah.catalog.schema import Product
from miftah.catalog.taxonomy import vocabulary
from support import ROOT, Edit, run_check, run_site

BASE = "https://miftah-souk.github.io/catalog/"


def product(slug: str) -> Product:
    catalog = load_catalog(ROOT).catalog
    assert catalog is not None
    return catalog.products[slug]


def json_ld(page: Path) -> list[dict[str, Any]]:
    html = page.read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_trade_terms_box_matches_the_record(sample_site: Path) -> None:
    record = product("argan-oil-culinary")
    box = section(sample_site / "en/products/argan-oil-culinary/index.html", "ms-trade")
    moq = record.trade.moq
    assert moq is not None and record.trade.pricing is not None
    assert f"Minimum order (MOQ) {moq.quantity} L" in box  # (section() folds the no-break space)
    for tier in record.trade.pricing.tiers:
        assert f"${tier.price.low} / L" in box  # USD tiers, in English notation
    assert "Indicative prices (FOB); only a quotation is binding." in box
    html = (sample_site / "en/products/argan-oil-culinary/index.html").read_text(encoding="utf-8")
    terms = re.search(r"Incoterms</dt><dd>(.*?)</dd>", html)
    assert terms, "no Incoterms entry"
    assert [(offer.term, offer.place) for offer in record.trade.incoterms] == [
        ("EXW", None),
        ("FOB", "casablanca"),
        ("FOB", "agadir"),
    ]  # the record, read; the page's own entry lists each, in order, not the price note's "FOB"
    assert terms.group(1).split("<br>") == ["EXW – Ex Works", "FOB Port of Casablanca", "FOB Port of Agadir"]
    for lead in record.trade.lead_times:
        assert f": {lead.days} days" in box
    assert "Private label (OEM) Yes" in box


def test_price_in_yuan_is_approximate_and_dated(sample_site: Path) -> None:
    box = section(sample_site / "zh/products/argan-oil-culinary/index.html", "ms-trade")
    # 48.00 USD at 7.10 CNY/USD (data/rates.yml of 2026-11-01) = 340.80 → ≈ ¥341
    assert "≥ 60升：US$48.00/升（≈ ¥341）" in box
    assert "人民币金额按 2026年11月1日 汇率折算，仅供参考。" in box


def test_price_on_request(sample_site: Path) -> None:
    assert "价格 价格面议" in section(sample_site / "zh/products/saffron-taliouine/index.html", "ms-trade")


def test_china_panel_says_what_the_record_says(sample_site: Path) -> None:
    panel = section(sample_site / "zh/products/saffron-taliouine/index.html", "ms-china")
    assert "中国海关总署（GACC）境外生产企业注册正在办理中，尚未获批。" in panel  # gacc_status: pending
    assert "中文标签（GB 7718）已备好。" in panel  # chinese_label_ready: true
    cosmetic = section(sample_site / "en/products/argan-oil-cosmetic/index.html", "ms-china")
    assert "Cosmetic: imported through NMPA filing." in cosmetic


def test_json_ld_uses_only_the_record(sample_site: Path) -> None:
    record = product("argan-oil-culinary")
    data = json_ld(sample_site / "en/products/argan-oil-culinary/index.html")
    (item,) = [d for d in data if d["@type"] == "Product"]
    assert item["name"] == record.name.get("en")
    assert item["url"] == f"{BASE}en/products/argan-oil-culinary/"
    assert item["countryOfOrigin"]["identifier"] == "MA"
    assert item["manufacturer"]["name"] == "Tifaout Cooperative (sample)"
    assert record.trade.moq is not None and record.trade.pricing is not None
    assert item["offers"]["eligibleQuantity"]["minValue"] == record.trade.moq.quantity
    prices = [(spec["price"], spec["priceCurrency"]) for spec in item["offers"]["priceSpecification"]]
    assert prices == [(str(tier.price.low), "USD") for tier in record.trade.pricing.tiers]
    assert item["image"].startswith(f"{BASE}media/")
    (crumbs,) = [d for d in data if d["@type"] == "BreadcrumbList"]
    assert [step["item"] for step in crumbs["itemListElement"]] == [
        f"{BASE}en/",
        f"{BASE}en/products/",
        f"{BASE}en/products/argan-oil-culinary/",
    ]


def test_json_ld_has_no_price_when_the_price_is_on_request(sample_site: Path) -> None:
    (item,) = [
        d
        for d in json_ld(sample_site / "zh/products/saffron-taliouine/index.html")
        if d["@type"] == "Product"
    ]
    assert "priceSpecification" not in item["offers"]


def test_cooperative_page_is_an_organization(sample_site: Path) -> None:
    data = json_ld(sample_site / "fr/cooperatives/tifaout-argan/index.html")
    (organization,) = [d for d in data if d["@type"] == "Organization"]
    assert organization["legalName"] == "Coopérative Tifaout (exemple fictif)"
    assert organization["foundingDate"] == "2004"


def test_eu_organic_is_never_called_organic_in_chinese(sample_site: Path) -> None:
    page = sample_site / "zh/products/argan-oil-culinary/index.html"
    assert vocabulary("certificate_kinds")["organic-eu"].label("zh") in text(page)
    assert "有机" not in text(page)


def test_expired_certificate_disappears_and_check_warns(
    scratch_catalog: Path, tmp_path: Path, edit: Edit
) -> None:
    tifaout = scratch_catalog / "cooperatives/tifaout-argan/cooperative.yml"
    edit(tifaout, "valid_until: 2028-05-31", "valid_until: 2025-12-31")  # the halal certificate
    site_dir = tmp_path / "site"
    assert run_site("build", scratch_catalog, site_dir).returncode == 0
    proof = text(site_dir / "en/products/argan-oil-culinary/index.html")
    assert "EXEMPLE-HALAL-0001" not in proof
    assert "EXEMPLE-ONSSA-0001" in proof
    result = run_check(scratch_catalog, "--lang", "en", "--strict")
    assert result.returncode == 1  # make check is strict: a warning fails it
    assert 'The certificate "halal" expired on 2025-12-31; the site no longer shows it.' in result.stdout


def test_page_qr_code_is_inline_svg(sample_site: Path) -> None:
    html = (sample_site / "zh/products/saffron-taliouine/index.html").read_text(encoding="utf-8")
    assert re.search(r'<figure class="ms-qr"><svg [^>]*class="ms-qr__code"', html)
    assert "本页网址的二维码" in html  # the SVG's title, in the page's language


def test_cards_show_trade_facts_and_sort_by_pinyin(sample_site: Path) -> None:
    catalog = text(sample_site / "zh/products/index.html")
    assert "起订量 60升 · 交货期 15 天起" in catalog
    names = re.findall(
        r'<strong class="ms-card__name"><span>([^<]+)</span>',
        (sample_site / "zh/products/index.html").read_text(encoding="utf-8"),
    )
    # featured products first, then the others, each group by pinyin: bei < shi < ta < xian
    assert names[:4] == [
        "贝尔卡内克莱门氏小柑橘",
        "食用阿甘油（摩洛哥坚果油）",
        "塔利温藏红花（西红花）",
        "仙人掌籽油",
    ]


def test_every_page_has_a_breadcrumb(sample_site: Path) -> None:
    for path in [
        "",
        "products/",
        "cooperatives/",
        "search/",
        "products/carob-powder/",
        "cooperatives/atlas-carob/",
        "categories/spices/",
        "regions/oriental/",
    ]:
        kinds = [data["@type"] for data in json_ld(sample_site / "fr" / path / "index.html")]
        assert kinds.count("BreadcrumbList") == 1, path


def test_geographical_indication_is_named_and_explained(sample_site: Path) -> None:
    page = text(sample_site / "zh/products/saffron-taliouine/index.html")
    assert vocabulary("geographical_indications")["aop-safran-taliouine"].label("zh") in page
    assert "AOP（受保护原产地名称）：从原料到加工的全部环节都在该产区" in page
    argan = text(sample_site / "en/products/argan-oil-culinary/index.html")
    assert "IGP (protected geographical indication): the product's quality or reputation" in argan
