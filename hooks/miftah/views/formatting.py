"""Numbers, prices, quantities and dates as each language writes them (Babel), and the
approximate yuan figure beside a price in another currency.

The yuan figure comes from ``data/rates.yml``, whose date is always shown with it: it helps a
buyer read a price, it is never an offer.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import yaml
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency, format_decimal

from miftah import DATA_DIR
from miftah.catalog.kinds import Approx, Partial, Span
from miftah.catalog.taxonomy import vocabulary
from miftah.i18n import t
from miftah.languages import language

_RATES = DATA_DIR / "rates.yml"


@dataclass(frozen=True)
class Rates:
    date: datetime.date
    cny_per_unit: dict[str, Decimal]


@functools.cache
def rates() -> Rates:
    with open(_RATES, encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    return Rates(raw["date"], {code: Decimal(value) for code, value in raw["cny_per_unit"].items()})


def locale(lang: str) -> str:
    return language(lang).locale


@functools.lru_cache(maxsize=4096)  # the same few quantities on thousands of cards; Babel is slow
def number(value: int | Decimal, lang: str) -> str:
    return format_decimal(value, locale=locale(lang))


def money(amount: Decimal, currency: str, lang: str, whole: bool = False) -> str:
    """A price; ``whole`` drops the cents (for approximate figures such as ≈ ¥341)."""
    if whole:
        pattern = Locale.parse(locale(lang)).currency_formats["standard"].pattern.replace("0.00", "0")
        return format_currency(amount, currency, format=pattern, locale=locale(lang), currency_digits=False)
    return format_currency(amount, currency, locale=locale(lang))


def unit(unit_id: str, lang: str) -> str:
    return vocabulary("units")[unit_id].label(lang)


def quantity(value: int | Decimal, unit_id: str, lang: str) -> str:
    separator = "" if lang == "zh" else "\u00a0"  # 60升 / 60 L
    return f"{number(value, lang)}{separator}{unit(unit_id, lang)}"


def day(value: datetime.date, lang: str) -> str:
    return format_date(value, format="long", locale=locale(lang))


def partial_day(value: Partial, lang: str) -> str:
    """A date as precisely as it is known: 2019年 / 2019年5月 / 2019年5月14日."""
    if value.day and value.month:
        return day(datetime.date(value.year, value.month, value.day), lang)
    if value.month:
        return format_skeleton("yMMMM", datetime.date(value.year, value.month, 1), locale=locale(lang))
    return format_skeleton("y", datetime.date(value.year, 1, 1), locale=locale(lang))


def approximate(value: Approx, lang: str, year: bool = False) -> str:
    """40 · 约40 · 50–60 · 至少80, as the record states it; years without digit grouping."""

    def show(n: int) -> str:
        return str(n) if year else number(n, lang)

    if value.high is None:
        return t(lang, "approx_at_least", n=show(value.low))
    if value.high != value.low:
        return t(lang, "approx_range", low=show(value.low), high=show(value.high))
    return t(lang, "approx_about", n=show(value.low)) if value.about else show(value.low)


def price(value: Span, currency: str, lang: str) -> str:
    """A price or a price range (120–150 MAD), as the record gives it."""
    if value.high is None:
        return money(value.low, currency, lang)
    return t(
        lang, "approx_range", low=money(value.low, currency, lang), high=money(value.high, currency, lang)
    )


def approximate_cny(amount: Decimal, currency: str) -> Decimal | None:
    """The amount in yuan at the recorded rate, rounded to the yuan; None for a CNY price."""
    rate = rates().cny_per_unit.get(currency)
    if currency == "CNY" or rate is None:
        return None
    return (amount * rate).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
