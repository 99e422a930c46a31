"""What an importer reads on a product page, formatted in one language: the trade terms box,
the specifications, the certificates (proof) and the China entry panel.

Every sentence comes from the strings files and every number goes through ``formatting``;
templates print these rows as they are. The China panel never says more than the record: a
missing answer is shown as unknown.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from miftah import formatting
from miftah.i18n import t
from miftah.records import Certificate, Cooperative, Product, Sku, Translations
from miftah.taxonomy import vocabulary


@dataclass(frozen=True)
class Fact:
    label: str
    values: tuple[str, ...]  # one line each
    lang: str | None = None  # set when the value is borrowed from another language


@dataclass(frozen=True)
class SkuRow:
    id: str
    net: str
    packaging: str
    per_carton: str
    carton: str
    pallet: str


@dataclass(frozen=True)
class CertificateRow:
    kind: str
    issuer: str
    number: str
    valid_until: str
    markets: str


@dataclass(frozen=True)
class ImporterFacts:
    trade: tuple[Fact, ...]
    specifications: tuple[Fact, ...]
    skus: tuple[SkuRow, ...]
    certificates: tuple[CertificateRow, ...]
    last_verified: str
    china: tuple[str, ...]


def importer_facts(
    product: Product, cooperative: Cooperative, lang: str, day: datetime.date
) -> ImporterFacts:
    return ImporterFacts(
        trade=tuple(fact for fact in _trade(product, lang) if fact.values),
        specifications=tuple(fact for fact in _specifications(product, lang) if fact.values),
        skus=tuple(_sku(sku, lang) for sku in product.skus),
        certificates=_certificates(product, cooperative, lang, day),
        last_verified=t(lang, "last_verified", date=formatting.day(product.last_verified, lang)),
        china=_china(product, lang),
    )


def _label(vocabulary_name: str, term_id: str, lang: str) -> str:
    return vocabulary(vocabulary_name)[term_id].label(lang)


def _trade(product: Product, lang: str) -> list[Fact]:
    trade = product.trade
    moq = formatting.quantity(trade.moq.quantity, trade.moq.unit, lang)
    lead_times = [
        t(lang, "lead_time_tier", quantity=formatting.quantity(q, trade.moq.unit, lang), days=days)
        for q, days in trade.lead_times
    ]
    capacity = []
    if trade.supply_capacity:
        quantity, unit, period = trade.supply_capacity
        capacity.append(
            t(
                lang,
                "capacity_value",
                quantity=formatting.quantity(quantity, unit, lang),
                period=_label("periods", period, lang),
            )
        )
    incoterms = [
        f"{term} {_label('ports', place, lang)}" if place else _label("incoterms", term, lang)
        for term, place in trade.incoterms
    ]
    oem = (
        [] if trade.private_label is None else [t(lang, "answer_yes" if trade.private_label else "answer_no")]
    )
    return [
        Fact(t(lang, "moq"), (moq,)),
        Fact(t(lang, "price"), tuple(_price(product, lang))),
        Fact(t(lang, "incoterms"), tuple(incoterms)),
        Fact(t(lang, "lead_time"), tuple(lead_times)),
        Fact(t(lang, "supply_capacity"), tuple(capacity)),
        Fact(t(lang, "samples"), tuple(_samples(product, lang))),
        Fact(t(lang, "private_label"), tuple(oem)),
        Fact(
            t(lang, "payment_terms"),
            tuple(_label("payment_terms", term, lang) for term in trade.payment_terms),
        ),
    ]


def _price(product: Product, lang: str) -> list[str]:
    pricing = product.trade.pricing
    if pricing.on_request or not pricing.tiers or not pricing.currency or not pricing.unit:
        return [t(lang, "price_on_request")]
    lines = []
    converted = False
    for tier in pricing.tiers:
        cny = formatting.approximate_cny(tier.price, pricing.currency)
        converted = converted or cny is not None
        lines.append(
            t(
                lang,
                "price_tier",
                quantity=formatting.quantity(tier.from_quantity, pricing.unit, lang),
                price=formatting.money(tier.price, pricing.currency, lang),
                unit=formatting.unit(pricing.unit, lang),
                cny=t(lang, "price_cny", amount=formatting.money(cny, "CNY", lang, whole=True))
                if cny
                else "",
            )
        )
    date = formatting.day(formatting.rates().date, lang)
    note = "price_indicative_cny" if converted else "price_indicative"
    lines.append(t(lang, note, incoterm=pricing.incoterm or "—", date=date))
    return lines


def _samples(product: Product, lang: str) -> list[str]:
    samples = product.trade.samples
    if samples is None:
        return []
    if not samples.available:
        return [t(lang, "samples_none")]
    if not samples.cost or not samples.currency:
        first = t(lang, "samples_free")
    else:
        first = t(lang, "samples_paid", cost=formatting.money(samples.cost, samples.currency, lang))
    return [first] + ([t(lang, "samples_days", days=samples.days)] if samples.days else [])


def _text(translations: Translations, lang: str) -> Fact | None:
    if not translations:
        return None
    shown = translations.show(lang)
    return Fact("", (shown.text,), shown.lang if shown.is_fallback else None)


def _specifications(product: Product, lang: str) -> list[Fact]:
    origin = [_label("regions", product.region, lang)] + ([product.province] if product.province else [])
    facts = [Fact(t(lang, "origin"), (" · ".join(origin),))]
    if product.geographical_indication:
        facts.append(
            Fact(
                t(lang, "geographical_indication"),
                (
                    _label("geographical_indications", product.geographical_indication, lang),
                    # ids start with the label's kind: igp-… (PGI) or aop-… (PDO)
                    t(lang, f"gi_meaning_{product.geographical_indication.split('-', 1)[0]}"),
                ),
            )
        )
    if product.botanical_name:
        facts.append(Fact(t(lang, "botanical_name"), (product.botanical_name,)))
    if product.hs_code:
        facts.append(Fact(t(lang, "hs_code"), (product.hs_code,)))
    if product.shelf_life_months:
        facts.append(
            Fact(t(lang, "shelf_life"), (t(lang, "shelf_life_value", months=product.shelf_life_months),))
        )
    for key, translations in (("storage", product.storage), ("ingredients", product.ingredients)):
        text = _text(translations, lang)
        if text:
            facts.append(Fact(t(lang, key), text.values, text.lang))
    return facts


def _sku(sku: Sku, lang: str) -> SkuRow:
    carton = sku.carton or {}
    pallet = sku.pallet or {}
    return SkuRow(
        id=sku.id,
        net=formatting.quantity(sku.net_value, sku.net_unit, lang),
        packaging=sku.packaging.show(lang).text,
        per_carton=formatting.number(sku.units_per_carton, lang) if sku.units_per_carton else "—",
        carton=t(
            lang,
            "carton_value",
            length=carton["length_cm"],
            width=carton["width_cm"],
            height=carton["height_cm"],
            weight=formatting.number(Decimal(carton["gross_weight_kg"]), lang),
        )
        if carton
        else "—",
        pallet=t(lang, "pallet_value", cartons=pallet["cartons"]) if pallet else "—",
    )


def _certificates(
    product: Product, cooperative: Cooperative, lang: str, day: datetime.date
) -> tuple[CertificateRow, ...]:
    covering = [c for i in product.certificates if (c := cooperative.certificate(i)) is not None]
    return certificate_rows(tuple(covering), lang, day)


def certificate_rows(
    certificates: tuple[Certificate, ...], lang: str, day: datetime.date
) -> tuple[CertificateRow, ...]:
    """The certificates in force on ``day`` (an expired one is not shown; make check warns)."""
    return tuple(
        CertificateRow(
            kind=_label("certificate_kinds", certificate.kind, lang),
            issuer=certificate.issuer,
            number=certificate.number or "—",
            valid_until=formatting.day(certificate.valid_until, lang) if certificate.valid_until else "—",
            markets=t(lang, "list_separator").join(_label("markets", m, lang) for m in certificate.markets),
        )
        for certificate in certificates
        if certificate.valid_on(day)
    )


def _china(product: Product, lang: str) -> tuple[str, ...]:
    market = product.china_market
    lines = [
        t(lang, f"gacc_{market.gacc_status}", number=market.gacc_number or "")
        if market.gacc_status == "registered"
        else t(lang, f"gacc_{market.gacc_status}")
    ]
    label = {True: "label_ready", False: "label_not_ready", None: "label_unknown"}[market.chinese_label_ready]
    lines.append(t(lang, label))
    if market.cosmetics_route:
        lines.append(t(lang, f"route_{market.cosmetics_route}"))
    elif product.category == "cosmetic-oils":
        lines.append(t(lang, "route_unknown"))
    return tuple(lines)
