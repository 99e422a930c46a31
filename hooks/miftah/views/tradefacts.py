"""What an importer reads on a product page, formatted in one language: the trade terms box,
the specifications, the certificates (proof) and the China entry panel.

Every sentence comes from the strings files and every number goes through ``formatting``;
templates print these rows as they are. The China panel never says more than the record: a
missing answer is shown as unknown.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from miftah.catalog.kinds import Span
from miftah.catalog.schema import Certificate, Cooperative, Product, Sku
from miftah.catalog.taxonomy import vocabulary
from miftah.i18n import t
from miftah.translated import Translations
from miftah.views import formatting


@dataclass(frozen=True)
class Fact:
    label: str
    values: tuple[str, ...]  # one line each
    lang: str | None = None  # set when the value is borrowed from another language
    unknown: bool = False  # the record does not state it: the value says "to be confirmed"


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
    status: str | None  # said only when the certificate is not (yet) granted: 申请中
    rows: tuple[Fact, ...]  # issuer, grade, number, dates, markets: the ones the record states


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


def to_be_confirmed(label: str, lang: str) -> Fact:
    """A row an importer always expects, which the record does not answer (yet)."""
    return Fact(label, (t(lang, "to_be_confirmed"),), unknown=True)


def _stated(label: str, values: list[str], lang: str) -> Fact:
    return Fact(label, tuple(values)) if values else to_be_confirmed(label, lang)


def _trade(product: Product, lang: str) -> list[Fact]:
    """The trade box. MOQ, price, lead time and samples are always there, "to be confirmed"
    when the record is silent; the other rows appear only when the record states them."""
    trade = product.trade
    moq = [formatting.quantity(trade.moq.quantity, trade.moq.unit, lang)] if trade.moq else []
    lead_unit = trade.moq.unit if trade.moq else None
    lead_times = [
        t(
            lang,
            "lead_time_tier",
            quantity=formatting.quantity(lead.from_quantity, lead_unit, lang),
            days=lead.days,
        )
        if lead_unit
        else t(lang, "lead_time_days", days=lead.days)
        for lead in trade.lead_times
    ]
    capacity = []
    if supply := trade.supply_capacity:
        capacity.append(
            t(
                lang,
                "capacity_value",
                quantity=formatting.quantity(supply.quantity, supply.unit, lang),
                period=_label("periods", supply.period, lang),
            )
        )
    incoterms = [
        f"{offer.term} {_label('ports', offer.place, lang)}"
        if offer.place
        else _label("incoterms", offer.term, lang)
        for offer in trade.incoterms
    ]
    oem = (
        [] if trade.private_label is None else [t(lang, "answer_yes" if trade.private_label else "answer_no")]
    )
    return [
        _stated(t(lang, "moq"), moq, lang),
        _stated(t(lang, "price"), _price(product, lang), lang),
        Fact(t(lang, "incoterms"), tuple(incoterms)),
        _stated(t(lang, "lead_time"), lead_times, lang),
        Fact(t(lang, "supply_capacity"), tuple(capacity)),
        _stated(t(lang, "samples"), _samples(product, lang), lang),
        Fact(t(lang, "private_label"), tuple(oem)),
        Fact(
            t(lang, "payment_terms"),
            tuple(_label("payment_terms", term, lang) for term in trade.payment_terms),
        ),
    ]


def _price(product: Product, lang: str) -> list[str]:
    pricing = product.trade.pricing
    if pricing is None:
        return []
    if pricing.on_request or not pricing.tiers or not pricing.currency or not pricing.unit:
        return [t(lang, "price_on_request")]
    lines = []
    converted = False
    for tier in pricing.tiers:
        cny = _cny(tier.price, pricing.currency, lang)
        converted = converted or bool(cny)
        price = formatting.price(tier.price, pricing.currency, lang)
        unit = formatting.unit(pricing.unit, lang)
        if tier.from_quantity is None:
            lines.append(t(lang, "price_flat", price=price, unit=unit, cny=cny))
            continue
        quantity = formatting.quantity(tier.from_quantity, pricing.unit, lang)
        lines.append(t(lang, "price_tier", quantity=quantity, price=price, unit=unit, cny=cny))
    date = formatting.day(formatting.rates().date, lang)
    note = "price_indicative_cny" if converted else "price_indicative"
    lines.append(t(lang, note, incoterm=pricing.incoterm or "—", date=date))
    return lines


def _cny(price: Span, currency: str, lang: str) -> str:
    """ " (≈ ¥341)" or " (≈ ¥230–¥290)" beside a price in another currency; "" for yuan."""
    low = formatting.approximate_cny(price.low, currency)
    if low is None:
        return ""
    high = formatting.approximate_cny(price.high, currency) if price.high is not None else None
    amount = formatting.money(low, "CNY", lang, whole=True)
    if high is not None:
        amount = t(lang, "approx_range", low=amount, high=formatting.money(high, "CNY", lang, whole=True))
    return t(lang, "price_cny", amount=amount)


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


def place_line(region: str | None, province: str | None, commune: str | None, lang: str) -> list[str]:
    """Region · province · commune in the page's language, as far as the record states them."""
    parts = [_label("regions", region, lang)] if region else []
    parts += [_label("provinces", province, lang)] if province else []
    parts += [_label("communes", commune, lang)] if commune else []
    return [" · ".join(parts)] if parts else []


def _specifications(product: Product, lang: str) -> list[Fact]:
    facts = [
        _stated(
            t(lang, "origin"), place_line(product.origin.region, product.origin.province, None, lang), lang
        )
    ]
    if product.origin.geographical_indication:
        facts.append(
            Fact(
                t(lang, "geographical_indication"),
                (
                    _label("geographical_indications", product.origin.geographical_indication, lang),
                    # what the sign (IGP, AOP or Label Agricole) guarantees
                    t(lang, f"gi_meaning_{_sign(product.origin.geographical_indication)}"),
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


def cooperative_facts(cooperative: Cooperative, lang: str) -> tuple[Fact, ...]:
    """Who the supplier is, as far as the record states it; the region is always answered."""
    facts = []
    if cooperative.legal_name:
        facts.append(Fact(t(lang, "legal_name"), (cooperative.legal_name,)))
    if cooperative.legal_form:
        facts.append(Fact(t(lang, "legal_form"), (_label("legal_forms", cooperative.legal_form, lang),)))
    place = place_line(cooperative.region, cooperative.province, cooperative.commune, lang)
    facts.append(_stated(t(lang, "region"), place, lang))
    if cooperative.founded_year:
        facts.append(
            Fact(t(lang, "founded"), (formatting.approximate(cooperative.founded_year, lang, year=True),))
        )
    members = _members(cooperative, lang)
    if members:
        facts.append(Fact(t(lang, "members"), tuple(members)))
    return tuple(facts)


def _members(cooperative: Cooperative, lang: str) -> list[str]:
    lines = []
    for key, value in (
        ("members_total", cooperative.members.total),
        ("members_women", cooperative.members.women),
        ("members_seasonal", cooperative.members.seasonal),
    ):
        if value is not None:
            lines.append(t(lang, key, count=formatting.approximate(value, lang)))
    return lines


def _sign(label_id: str) -> str:
    return str(vocabulary("geographical_indications")[label_id].fact("sign")).lower()


def _sku(sku: Sku, lang: str) -> SkuRow:
    return SkuRow(
        id=sku.id,
        net=formatting.quantity(sku.net_content.value, sku.net_content.unit, lang),
        packaging=sku.packaging.show(lang).text,
        per_carton=formatting.number(sku.units_per_carton, lang) if sku.units_per_carton else "—",
        carton=t(
            lang,
            "carton_value",
            length=carton.length_cm,
            width=carton.width_cm,
            height=carton.height_cm,
            weight=formatting.number(carton.gross_weight_kg, lang),
        )
        if (carton := sku.carton)
        else "—",
        pallet=t(lang, "pallet_value", cartons=sku.pallet.cartons) if sku.pallet else "—",
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
    return tuple(_certificate_row(c, lang) for c in certificates if c.shown_on(day))


def _certificate_row(certificate: Certificate, lang: str) -> CertificateRow:
    """What the record states of a certificate; an unknown issuer is said to be unknown."""
    rows = [
        Fact(t(lang, "issuer"), (certificate.issuer,))
        if certificate.issuer
        else to_be_confirmed(t(lang, "issuer"), lang)
    ]
    if certificate.grade:
        rows.append(Fact(t(lang, "certificate_grade"), (certificate.grade,)))
    if certificate.number:
        rows.append(Fact(t(lang, "certificate_number"), (certificate.number,)))
    if certificate.valid_from:
        rows.append(Fact(t(lang, "valid_from"), (formatting.partial_day(certificate.valid_from, lang),)))
    if certificate.valid_until:
        rows.append(Fact(t(lang, "valid_until"), (formatting.day(certificate.valid_until, lang),)))
    if certificate.markets:
        markets = t(lang, "list_separator").join(_label("markets", m, lang) for m in certificate.markets)
        rows.append(Fact(t(lang, "valid_markets"), (markets,)))
    status = None if certificate.status == "certified" else t(lang, f"certificate_{certificate.status}")
    return CertificateRow(_label("certificate_kinds", certificate.kind, lang), status, tuple(rows))


def _china(product: Product, lang: str) -> tuple[str, ...]:
    market = product.china_market
    lines = [t(lang, f"gacc_{market.gacc_status}", number=market.gacc_number or "")]
    label = {True: "label_ready", False: "label_not_ready", None: "label_unknown"}[market.chinese_label_ready]
    lines.append(t(lang, label))
    if market.cosmetics_route:
        lines.append(t(lang, f"route_{market.cosmetics_route}"))
    elif vocabulary("categories")[product.category].fact("cosmetic"):
        lines.append(t(lang, "route_unknown"))
    return tuple(lines)
