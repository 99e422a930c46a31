"""The inquiry builder's data: what the buyer may choose (SKU, Incoterm) and the message
templates, in the page's language and in French for the cooperative. A small script on the
page fills the templates; without JavaScript the contact details are still on the page."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from miftah.catalog.schema import Cooperative, Product, Programme, Sku
from miftah.catalog.taxonomy import vocabulary
from miftah.i18n import t
from miftah.views import formatting
from miftah.views.seo import script_json

COOPERATIVE_LANGUAGE = "fr"  # cooperatives read French; the copy for them is always in French
INQUIRY_KEYS = ("inquiry_subject", "inquiry_body", "inquiry_none")


def inquiry_data(product: Product, cooperative: Cooperative, programme: Programme, lang: str) -> Markup:
    """JSON for the page's inquiry script (safe inside a <script type="application/json">).

    The message goes to the cooperative's own e-mail, or else to the programme's export desk,
    never to a made-up address."""
    languages = dict.fromkeys([lang, COOPERATIVE_LANGUAGE])
    email = next((c.email for c in cooperative.contacts if c.email), None)
    if not cooperative.contacts:
        email = programme.export_desk.email
    data: dict[str, Any] = {
        "lang": lang,
        "email": email,
        "texts": {code: _texts(product, cooperative, code) for code in languages},
    }
    return script_json(data)


def sku_label(sku: Sku, lang: str) -> str:
    net = formatting.quantity(sku.net_content.value, sku.net_content.unit, lang)
    return f"{net} · {sku.packaging.show(lang).text}"


def _texts(product: Product, cooperative: Cooperative, lang: str) -> dict[str, Any]:
    unit = formatting.unit(product.trade.moq.unit, lang) if product.trade.moq else ""
    return {
        # The cooperative is named: the export desk answers for several of them.
        "product": t(
            lang,
            "inquiry_product",
            product=product.name.show(lang).text,
            name=cooperative.name.show(lang).text,
        ),
        "unit": unit,
        "skus": {sku.id: sku_label(sku, lang) for sku in product.skus},
        "incoterms": {
            offer.term: vocabulary("incoterms")[offer.term].label(lang) for offer in product.trade.incoterms
        },
        "templates": {key: t(lang, key) for key in INQUIRY_KEYS},
        "heading": t(lang, "inquiry_copy_heading"),
    }
