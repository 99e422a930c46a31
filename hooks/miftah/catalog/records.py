"""The catalog of typed, immutable records: what the rest of the package reads once
validation has passed.

The record classes are declared, field by field, in ``schema``; the ``from_values`` functions
build them from the values the schema converted (plain dicts). They run only when validation
found no error, so required values are always there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from miftah.catalog.kinds import build
from miftah.catalog.schema import Cooperative, Product, Programme


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


def product_from_values(slug: str, folder: Path, raw: dict[str, Any]) -> Product:
    return build(Product, raw, folder, slug=slug, folder=folder)


def cooperative_from_values(slug: str, folder: Path, raw: dict[str, Any]) -> Cooperative:
    return build(Cooperative, raw, folder, slug=slug, folder=folder)


def programme_from_values(folder: Path, raw: dict[str, Any]) -> Programme:
    return build(Programme, raw, folder, folder=folder)
