"""Typed, immutable records: what the rest of the package reads once validation has passed.

``from_values`` functions build them from the values the schema converted (plain dicts);
they run only when validation found no error, so required values are always there.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from miftah.kinds import SCRIPTS, Approx, Partial, Span
from miftah.languages import CODES, language
from miftah.taxonomy import vocabulary


@dataclass(frozen=True)
class Shown:
    """A text as a page shows it: the words, their language, and whether they were borrowed."""

    text: str
    lang: str
    is_fallback: bool


@dataclass(frozen=True)
class Translations:
    texts: tuple[tuple[str, str], ...]  # (language code, text), in the order of CODES

    @classmethod
    def of(cls, texts: dict[str, str] | None) -> Translations:
        texts = texts or {}
        return cls(tuple((code, texts[code]) for code in CODES + SCRIPTS if code in texts))

    def __bool__(self) -> bool:
        return bool(self.texts)

    def own(self) -> tuple[tuple[str, str], ...]:
        """The name as the cooperative writes it in Arabic or Tifinagh: (script code, text)."""
        return tuple((code, text) for code, text in self.texts if code in SCRIPTS)

    def get(self, lang: str) -> str | None:
        return dict(self.texts).get(lang)

    def show(self, lang: str) -> Shown:
        """The text in ``lang``, or else the first fallback language that has it."""
        available = dict(self.texts)
        if lang in available:
            return Shown(available[lang], lang, is_fallback=False)
        for other in language(lang).fallbacks:
            if other in available:
                return Shown(available[other], other, is_fallback=True)
        raise LookupError("show() is only called on texts that exist in at least one language")


@dataclass(frozen=True)
class Photo:
    source: Path  # absolute path of the original file
    alt: Translations


@dataclass(frozen=True)
class Quantity:
    quantity: int
    unit: str


@dataclass(frozen=True)
class Sku:
    id: str
    net_value: Decimal
    net_unit: str
    packaging: Translations
    units_per_carton: int | None
    carton: dict[str, Any] | None  # length_cm, width_cm, height_cm, gross_weight_kg
    pallet: dict[str, Any] | None  # cartons, gross_weight_kg


@dataclass(frozen=True)
class Samples:
    available: bool
    cost: Decimal | None
    currency: str | None
    days: int | None


@dataclass(frozen=True)
class PriceTier:
    from_quantity: int | None
    price: Span


@dataclass(frozen=True)
class Pricing:
    on_request: bool
    currency: str | None
    incoterm: str | None
    unit: str | None
    tiers: tuple[PriceTier, ...]


@dataclass(frozen=True)
class Trade:
    moq: Quantity | None  # None: not stated (the page says "to be confirmed")
    samples: Samples | None
    supply_capacity: tuple[int, str, str] | None  # quantity, unit, period
    lead_times: tuple[tuple[int, int], ...]  # (from quantity, days)
    incoterms: tuple[tuple[str, str | None], ...]  # (term, place)
    payment_terms: tuple[str, ...]
    private_label: bool | None
    pricing: Pricing | None  # None: not stated; on_request is a statement


@dataclass(frozen=True)
class ChinaMarket:
    gacc_status: str  # "unknown" when the record does not say
    gacc_number: str | None
    chinese_label_ready: bool | None
    cosmetics_route: str | None


@dataclass(frozen=True)
class Product:
    slug: str
    folder: Path
    cooperative: str
    category: str
    status: str
    last_verified: datetime.date
    featured: bool
    name: Translations
    summary: Translations
    description: Translations
    ingredients: Translations
    storage: Translations
    region: str | None
    province: str | None
    geographical_indication: str | None
    botanical_name: str | None
    shelf_life_months: int | None
    hs_code: str | None
    skus: tuple[Sku, ...]
    trade: Trade
    certificates: tuple[str, ...]
    china_market: ChinaMarket
    photos: tuple[Photo, ...]
    keywords: Translations
    sources: tuple[Source, ...]

    @property
    def published(self) -> bool:
        return self.status == "published"


@dataclass(frozen=True)
class Source:
    url: str | None
    document: Path | None
    title: str
    seen: datetime.date
    supports: str


@dataclass(frozen=True)
class Certificate:
    id: str
    kind: str
    status: str  # certified, applicant or suspended
    issuer: str | None
    grade: str | None
    number: str | None
    valid_from: Partial | None
    valid_until: datetime.date | None
    markets: tuple[str, ...]
    document: Path | None

    def valid_on(self, day: datetime.date) -> bool:
        return in_force(self.status, self.valid_until, day)

    def shown_on(self, day: datetime.date) -> bool:
        """On the pages on ``day``: in force, or applied for (said so); never suspended or expired."""
        return self.valid_on(day) or (self.status == "applicant" and not expired(self.valid_until, day))


def expired(valid_until: datetime.date | None, day: datetime.date) -> bool:
    return valid_until is not None and valid_until < day


def in_force(status: str | None, valid_until: datetime.date | None, day: datetime.date) -> bool:
    """A certificate is in force on ``day`` when granted and not expired: the one place this is
    decided (pages, filters and the claim guard all ask here)."""
    return status == "certified" and not expired(valid_until, day)


@dataclass(frozen=True)
class Contact:
    name: str
    role: Translations
    languages: tuple[str, ...]
    email: str | None
    phone: str | None
    whatsapp: str | None
    wechat: str | None
    wechat_qr: Path | None


@dataclass(frozen=True)
class Cooperative:
    slug: str
    folder: Path
    sample: bool
    name: Translations
    legal_name: str | None
    legal_form: str | None
    founded_year: Approx | None
    members_total: Approx | None
    members_women: Approx | None
    members_seasonal: Approx | None
    region: str | None
    province: str | None
    commune: str | None
    website: str | None
    last_verified: datetime.date | None
    location: tuple[Decimal, Decimal] | None
    story: Translations
    certificates: tuple[Certificate, ...]
    contacts: tuple[Contact, ...]
    logo: Path | None
    reviewers: tuple[str, ...]
    sources: tuple[Source, ...]

    def certificate(self, certificate_id: str) -> Certificate | None:
        return next((c for c in self.certificates if c.id == certificate_id), None)


@dataclass(frozen=True)
class ExportDesk:
    name: Translations
    sample: bool
    wechat: str | None
    wechat_qr: Path | None
    email: str | None
    phone: str | None
    languages: tuple[str, ...]
    hours_beijing: str | None
    days: Translations


@dataclass(frozen=True)
class Programme:
    """The site's identity: who runs the catalog, and the export desk that answers for
    cooperatives without contacts of their own."""

    name: Translations
    description: Translations
    footer: Translations
    desk: ExportDesk


@dataclass(frozen=True)
class Catalog:
    cooperatives: dict[str, Cooperative]
    products: dict[str, Product]
    programme: Programme

    def cooperative_of(self, product: Product) -> Cooperative:
        return self.cooperatives[product.cooperative]

    def published_products(self) -> list[Product]:
        return [product for product in self.products.values() if product.published]

    def products_of(self, cooperative: Cooperative) -> list[Product]:
        return [p for p in self.published_products() if p.cooperative == cooperative.slug]


def _file(folder: Path, name: str | None) -> Path | None:
    return folder / name if name else None


def region_of(raw: dict[str, Any]) -> str | None:
    """The region a record states, or the one its province lies in."""
    if raw.get("region"):
        return str(raw["region"])
    province = raw.get("province")
    return vocabulary("provinces")[province].fact("region") if province else None


def product_from_values(slug: str, folder: Path, raw: dict[str, Any]) -> Product:
    origin = raw.get("origin") or {}
    market = raw.get("china_market") or {}
    return Product(
        slug=slug,
        folder=folder,
        cooperative=raw["cooperative"],
        category=raw["category"],
        status=raw["status"],
        last_verified=raw["last_verified"],
        featured=raw.get("featured", False),
        name=Translations.of(raw["name"]),
        summary=Translations.of(raw["summary"]),
        description=Translations.of(raw.get("description")),
        ingredients=Translations.of(raw.get("ingredients")),
        storage=Translations.of(raw.get("storage")),
        region=region_of(origin),
        province=origin.get("province"),
        geographical_indication=origin.get("geographical_indication"),
        botanical_name=raw.get("botanical_name"),
        shelf_life_months=raw.get("shelf_life_months"),
        hs_code=raw.get("hs_code"),
        skus=tuple(_sku(sku) for sku in raw.get("skus", [])),
        trade=_trade(raw.get("trade") or {}),
        certificates=tuple(raw.get("certificates", [])),
        china_market=ChinaMarket(
            gacc_status=market.get("gacc_status", "unknown"),
            gacc_number=market.get("gacc_number"),
            chinese_label_ready=market.get("chinese_label_ready"),
            cosmetics_route=market.get("cosmetics_route"),
        ),
        photos=tuple(Photo(folder / p["file"], Translations.of(p["alt"])) for p in raw.get("photos", [])),
        keywords=Translations.of(raw.get("keywords")),
        sources=_sources(folder, raw),
    )


def _sources(folder: Path, raw: dict[str, Any]) -> tuple[Source, ...]:
    return tuple(
        Source(s.get("url"), _file(folder, s.get("document")), s["title"], s["seen"], s["supports"])
        for s in raw.get("sources", [])
    )


def _sku(raw: dict[str, Any]) -> Sku:
    return Sku(
        id=raw["id"],
        net_value=raw["net_content"]["value"],
        net_unit=raw["net_content"]["unit"],
        packaging=Translations.of(raw["packaging"]),
        units_per_carton=raw.get("units_per_carton"),
        carton=raw.get("carton"),
        pallet=raw.get("pallet"),
    )


def _trade(raw: dict[str, Any]) -> Trade:
    samples = raw.get("samples")
    capacity = raw.get("supply_capacity")
    pricing = raw.get("pricing")
    moq = raw.get("moq")
    return Trade(
        moq=Quantity(moq["quantity"], moq["unit"]) if moq else None,
        samples=Samples(
            samples["available"], samples.get("cost"), samples.get("currency"), samples.get("days")
        )
        if samples
        else None,
        supply_capacity=(capacity["quantity"], capacity["unit"], capacity["period"]) if capacity else None,
        lead_times=tuple((tier["from_quantity"], tier["days"]) for tier in raw.get("lead_times", [])),
        incoterms=tuple((offer["term"], offer.get("place")) for offer in raw.get("incoterms", [])),
        payment_terms=tuple(raw.get("payment_terms", [])),
        private_label=raw.get("private_label"),
        pricing=Pricing(
            on_request=pricing.get("on_request", False),
            currency=pricing.get("currency"),
            incoterm=pricing.get("incoterm"),
            unit=pricing.get("unit"),
            tiers=tuple(PriceTier(t.get("from_quantity"), t["price"]) for t in pricing.get("tiers", [])),
        )
        if pricing
        else None,
    )


def cooperative_from_values(slug: str, folder: Path, raw: dict[str, Any]) -> Cooperative:
    members = raw.get("members") or {}
    location = raw.get("location")
    return Cooperative(
        slug=slug,
        folder=folder,
        sample=raw.get("sample", False),
        name=Translations.of(raw["name"]),
        legal_name=raw.get("legal_name"),
        legal_form=raw.get("legal_form"),
        founded_year=raw.get("founded_year"),
        members_total=members.get("total"),
        members_women=members.get("women"),
        members_seasonal=members.get("seasonal"),
        region=region_of(raw),
        province=raw.get("province"),
        commune=raw.get("commune"),
        website=raw.get("website"),
        last_verified=raw.get("last_verified"),
        location=(location["lat"], location["lon"]) if location else None,
        story=Translations.of(raw["story"]),
        certificates=tuple(_certificate(folder, c) for c in raw.get("certificates", [])),
        contacts=tuple(_contact(folder, c) for c in raw.get("contacts", [])),
        logo=_file(folder, raw.get("logo")),
        reviewers=tuple(raw.get("reviewers", [])),
        sources=_sources(folder, raw),
    )


def _certificate(folder: Path, raw: dict[str, Any]) -> Certificate:
    return Certificate(
        id=raw["id"],
        kind=raw["kind"],
        status=raw["status"],
        issuer=raw.get("issuer"),
        grade=raw.get("grade"),
        number=raw.get("number"),
        valid_from=raw.get("valid_from"),
        valid_until=raw.get("valid_until"),
        markets=tuple(raw.get("markets", [])),
        document=_file(folder, raw.get("document")),
    )


def _contact(folder: Path, raw: dict[str, Any]) -> Contact:
    return Contact(
        name=raw["name"],
        role=Translations.of(raw.get("role")),
        languages=tuple(raw.get("languages", [])),
        email=raw.get("email"),
        phone=raw.get("phone"),
        whatsapp=raw.get("whatsapp"),
        wechat=raw.get("wechat"),
        wechat_qr=_file(folder, raw.get("wechat_qr")),
    )


def programme_from_values(folder: Path, raw: dict[str, Any]) -> Programme:
    desk = raw["export_desk"]
    return Programme(
        name=Translations.of(raw["name"]),
        description=Translations.of(raw["description"]),
        footer=Translations.of(raw["footer"]),
        desk=ExportDesk(
            name=Translations.of(desk["name"]),
            sample=desk.get("sample", False),
            wechat=desk.get("wechat"),
            wechat_qr=_file(folder, desk.get("wechat_qr")),
            email=desk.get("email"),
            phone=desk.get("phone"),
            languages=tuple(desk.get("languages", [])),
            hours_beijing=desk.get("hours_beijing"),
            days=Translations.of(desk.get("days")),
        ),
    )
