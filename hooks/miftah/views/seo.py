"""What search engines and chat apps read: JSON-LD (schema.org), Open Graph tags and the page
QR code. Built only from the record's facts: a price appears only when the record gives one,
never a rating or an availability the cooperative did not state."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import inspect
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import segno
from markupsafe import Markup

from miftah.catalog.schema import Cooperative, Product
from miftah.catalog.taxonomy import vocabulary
from miftah.languages import language


@dataclass(frozen=True)
class Social:
    """Open Graph tags: how the page looks when shared in WeChat or elsewhere."""

    title: str
    description: str
    url: str
    image: str | None
    type: str
    locale: str


def script_json(data: Any) -> Markup:
    """JSON that is safe inside a <script> element: no "<", ">" or "&" can end or confuse it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # escaped just above


def json_ld_script(data: dict[str, Any] | list[dict[str, Any]]) -> Markup:
    return Markup(f'<script type="application/ld+json">{script_json(data)}</script>')


def product_data(
    product: Product, cooperative: Cooperative, lang: str, url: str, cooperative_url: str, image: str | None
) -> dict[str, Any]:
    offer: dict[str, Any] = {
        "@type": "Offer",
        "url": url,
        "seller": {"@type": "Organization", "name": cooperative.name.show(lang).text, "url": cooperative_url},
    }
    moq = product.trade.moq
    if moq:  # an unknown MOQ is left out, never guessed
        offer["eligibleQuantity"] = {
            "@type": "QuantitativeValue",
            "minValue": moq.quantity,
            "unitText": moq.unit,
        }
    offer.update(_price_specification(product))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name.show(lang).text,
        "description": product.summary.show(lang).text,
        "url": url,
        "inLanguage": language(lang).html_lang,
        "countryOfOrigin": {"@type": "Country", "name": "Morocco", "identifier": "MA"},
        "manufacturer": {
            "@type": "Organization",
            "name": cooperative.name.show(lang).text,
            "url": cooperative_url,
        },
        "offers": offer,
    }
    if product.origin.region:  # the country is a fact of the catalog; the region only when stated
        data["countryOfOrigin"]["address"] = {
            "@type": "PostalAddress",
            "addressRegion": _region(product.origin.region, lang),
        }
    if image:
        data["image"] = image
    if product.hs_code:
        data["additionalProperty"] = [{"@type": "PropertyValue", "name": "HS code", "value": product.hs_code}]
    return data


def _region(region_id: str, lang: str) -> str:
    return vocabulary("regions")[region_id].label(lang)


def _price_specification(product: Product) -> dict[str, Any]:
    """Prices for search engines: only exact prices a record states (ranges as min/max)."""
    pricing = product.trade.pricing
    if pricing is None or pricing.on_request or not pricing.tiers or not pricing.currency:
        return {}
    specification = []
    for tier in pricing.tiers:
        price: dict[str, Any] = {"@type": "UnitPriceSpecification", "priceCurrency": pricing.currency}
        if tier.price.high is None:
            price["price"] = str(tier.price.low)
        else:
            price["minPrice"], price["maxPrice"] = str(tier.price.low), str(tier.price.high)
        if pricing.unit:
            price["unitText"] = pricing.unit
        if tier.from_quantity:
            price["eligibleQuantity"] = {"@type": "QuantitativeValue", "minValue": tier.from_quantity}
        specification.append(price)
    return {"priceSpecification": specification}


def organization_data(cooperative: Cooperative, lang: str, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": cooperative.name.show(lang).text,
        "url": url,
        "address": {"@type": "PostalAddress", "addressCountry": "MA"},
    }
    if cooperative.legal_name:
        data["legalName"] = cooperative.legal_name
    if cooperative.region:
        data["address"]["addressRegion"] = _region(cooperative.region, lang)
    if cooperative.website:
        data["sameAs"] = [cooperative.website]
    if cooperative.founded_year and cooperative.founded_year.exact:  # an approximate year is not a date
        data["foundingDate"] = str(cooperative.founded_year.low)
    emails = [c.email for c in cooperative.contacts if c.email]
    if emails:
        data["email"] = emails[0]
    return data


def breadcrumb_data(trail: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def qr_svg(url: str, title: str, cache_dir: Path | None = None) -> Markup:
    """The page's own address as a QR code, drawn inline as SVG (no image request). With
    ``cache_dir``, a code once drawn is read back: choosing the best mask takes ~10 ms a code."""
    if cache_dir is not None:
        return _cached_qr(url, title, cache_dir)
    code = segno.make(url, error="m")
    # omitsize: a viewBox instead of a fixed width and height, so the stylesheet's size applies
    # (on screen and on the printed sheet) instead of cropping or leaving the code off-centre.
    svg = code.svg_inline(
        scale=3, border=2, dark="#1f1f1f", title=title, svgclass="ms-qr__code", omitsize=True
    )
    return Markup(svg)  # made by segno from our own URL; the title is XML-escaped by segno


@functools.cache
def _qr_fingerprint() -> str:
    """What shapes a drawn code: this module's drawing code and segno's version."""
    source = inspect.getsource(qr_svg)
    return hashlib.sha256(f"{segno.__version__}\0{source}".encode()).hexdigest()[:12]


def _cached_qr(url: str, title: str, cache_dir: Path) -> Markup:
    key = hashlib.sha256(f"{_qr_fingerprint()}\0{url}\0{title}".encode()).hexdigest()[:24]
    path = cache_dir / f"qr-{key}.svg"
    with contextlib.suppress(OSError):
        return Markup(path.read_text("utf-8"))  # written below from segno's output only
    svg = qr_svg(url, title)
    with contextlib.suppress(OSError):
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_text(str(svg), "utf-8")
        partial.replace(path)
    return svg
