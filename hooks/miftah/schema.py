"""The record schema: every field of a product and of a cooperative, declared once.

Each field says its kind (see ``kinds``), whether it is required, and what it is for in French
and English. The validator, the JSON Schemas in ``schemas/``, the skeletons written by
``scripts/new_record.py`` and the field reference in CONTRIBUTING.md all come from here.
"""

from __future__ import annotations

from decimal import Decimal

from miftah.kinds import (
    Amount,
    Choice,
    Date,
    Field,
    File,
    Flag,
    Integer,
    ListOf,
    Record,
    Text,
    Translated,
)

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PHONE_PATTERN = r"^\+[1-9][0-9]{6,14}$"  # E.164: + country code and number, no spaces
STATUSES = ("draft", "published")
GACC_STATUSES = ("registered", "pending", "not_started", "not_applicable")
COSMETICS_ROUTES = ("nmpa_filing", "cross_border_ecommerce", "not_applicable")

SLUG = Text(pattern=SLUG_PATTERN, sample="tifaout-argan", max_chars=60)
NAME = Translated(all_languages=True, one_line=True, max_chars=80, sample=("名称", "Nom", "Name"))
PHONE = Text(pattern=PHONE_PATTERN, sample="+212600000001")


def _quantity(fr: str, en: str, sample: int = 100) -> Record:
    return Record(
        fields=(
            Field("quantity", Integer(low=1, sample=sample), True, fr, en),
            Field("unit", Choice(vocabulary="units"), True, "Unité.", "Unit."),
        )
    )


PHOTO = Record(
    fields=(
        Field(
            "file",
            File(),
            True,
            "Nom du fichier photo, dans le dossier de la fiche.",
            "Photo file name, in the record's folder.",
        ),
        Field(
            "alt",
            Translated(
                one_line=True,
                max_chars=200,
                sample=("照片内容", "Ce que montre la photo", "What the photo shows"),
            ),
            True,
            "Ce que montre la photo (lu par les lecteurs d'écran).",
            "What the photo shows (read by screen readers).",
        ),
    )
)

ORIGIN = Record(
    fields=(
        Field(
            "region",
            Choice(vocabulary="regions"),
            True,
            "Région d'origine du produit.",
            "Region the product comes from.",
        ),
        Field(
            "province",
            Text(max_chars=60, sample="Taroudant"),
            False,
            "Province d'origine.",
            "Province of origin.",
        ),
        Field(
            "geographical_indication",
            Choice(vocabulary="geographical_indications"),
            False,
            "Indication géographique (IGP/AOP) dont le produit relève.",
            "Geographical indication (PGI/PDO) the product falls under.",
        ),
    )
)

CARTON = Record(
    fields=(
        Field("length_cm", Integer(low=1, high=300, sample=40), True, "Longueur (cm).", "Length (cm)."),
        Field("width_cm", Integer(low=1, high=300, sample=30), True, "Largeur (cm).", "Width (cm)."),
        Field("height_cm", Integer(low=1, high=300, sample=25), True, "Hauteur (cm).", "Height (cm)."),
        Field(
            "gross_weight_kg",
            Amount(decimals=2, sample="12.5"),
            True,
            "Poids brut (kg).",
            "Gross weight (kg).",
        ),
    )
)

PALLET = Record(
    fields=(
        Field(
            "cartons",
            Integer(low=1, high=1000, sample=40),
            True,
            "Cartons par palette.",
            "Cartons per pallet.",
        ),
        Field(
            "gross_weight_kg",
            Amount(decimals=1, sample="520"),
            False,
            "Poids brut (kg).",
            "Gross weight (kg).",
        ),
    )
)

SKU = Record(
    fields=(
        Field(
            "id",
            SLUG,
            True,
            "Identifiant de la référence (ex. bouteille-250ml).",
            "SKU id (e.g. bottle-250ml).",
        ),
        Field(
            "net_content",
            Record(
                fields=(
                    Field(
                        "value", Amount(decimals=3, sample="250"), True, "Quantité nette.", "Net quantity."
                    ),
                    Field("unit", Choice(vocabulary="units"), True, "Unité.", "Unit."),
                )
            ),
            True,
            "Contenu net d'une unité de vente.",
            "Net content of one sales unit.",
        ),
        Field(
            "packaging",
            Translated(
                one_line=True,
                max_chars=120,
                sample=("琥珀色玻璃瓶", "Bouteille en verre ambré", "Amber glass bottle"),
            ),
            True,
            "Emballage de l'unité.",
            "Packaging of the unit.",
        ),
        Field(
            "units_per_carton",
            Integer(low=1, high=10000, sample=24),
            False,
            "Unités par carton.",
            "Units per carton.",
        ),
        Field("carton", CARTON, False, "Dimensions et poids du carton.", "Carton size and weight."),
        Field("pallet", PALLET, False, "Palettisation.", "Pallet."),
    )
)

SAMPLES = Record(
    fields=(
        Field("available", Flag(), True, "Échantillons disponibles ?", "Samples available?"),
        Field(
            "cost",
            Amount(decimals=2, sample="0"),
            False,
            "Prix de l'échantillon (0 = gratuit).",
            "Sample price (0 = free).",
        ),
        Field(
            "currency", Choice(vocabulary="currencies"), False, "Devise du prix.", "Currency of the price."
        ),
        Field(
            "days", Integer(low=1, high=120, sample=10), False, "Délai d'envoi (jours).", "Days to dispatch."
        ),
    )
)

PRICING = Record(
    fields=(
        Field("on_request", Flag(), False, "true : prix sur demande.", "true: price on request."),
        Field(
            "currency",
            Choice(vocabulary="currencies"),
            False,
            "Devise des prix indicatifs.",
            "Currency of the indicative prices.",
        ),
        Field(
            "incoterm",
            Choice(vocabulary="incoterms"),
            False,
            "Incoterm auquel le prix se rapporte.",
            "Incoterm the price refers to.",
        ),
        Field("unit", Choice(vocabulary="units"), False, "Unité de prix.", "Price unit."),
        Field(
            "tiers",
            ListOf(
                item=Record(
                    fields=(
                        Field(
                            "from_quantity",
                            Integer(low=1, sample=100),
                            True,
                            "À partir de cette quantité.",
                            "From this quantity.",
                        ),
                        Field(
                            "price",
                            Amount(decimals=2, sample="12.50"),
                            True,
                            "Prix unitaire indicatif.",
                            "Indicative unit price.",
                        ),
                    )
                ),
                max_items=8,
            ),
            False,
            "Paliers de prix indicatifs.",
            "Indicative price tiers.",
        ),
    )
)

TRADE = Record(
    fields=(
        Field(
            "moq",
            _quantity("Quantité minimale de commande.", "Minimum order quantity."),
            True,
            "Quantité minimale de commande (MOQ).",
            "Minimum order quantity (MOQ).",
        ),
        Field("samples", SAMPLES, False, "Échantillons.", "Samples."),
        Field(
            "supply_capacity",
            Record(
                fields=(
                    Field("quantity", Integer(low=1, sample=2000), True, "Quantité.", "Quantity."),
                    Field("unit", Choice(vocabulary="units"), True, "Unité.", "Unit."),
                    Field(
                        "period",
                        Choice(vocabulary="periods"),
                        True,
                        "Par mois ou par an.",
                        "Per month or per year.",
                    ),
                )
            ),
            False,
            "Capacité d'approvisionnement.",
            "Supply capacity.",
        ),
        Field(
            "lead_times",
            ListOf(
                item=Record(
                    fields=(
                        Field(
                            "from_quantity",
                            Integer(low=1, sample=1),
                            True,
                            "À partir de cette quantité (unité du MOQ).",
                            "From this quantity (MOQ unit).",
                        ),
                        Field(
                            "days",
                            Integer(low=1, high=365, sample=20),
                            True,
                            "Délai de livraison (jours).",
                            "Lead time (days).",
                        ),
                    )
                ),
                max_items=6,
            ),
            False,
            "Délais par quantité.",
            "Lead times by quantity.",
        ),
        Field(
            "incoterms",
            ListOf(
                item=Record(
                    fields=(
                        Field(
                            "term", Choice(vocabulary="incoterms"), True, "Incoterm 2020.", "Incoterm 2020."
                        ),
                        Field(
                            "place",
                            Choice(vocabulary="ports"),
                            False,
                            "Port ou aéroport de chargement.",
                            "Port or airport of loading.",
                        ),
                    )
                ),
                max_items=8,
            ),
            False,
            "Incoterms proposés.",
            "Incoterms offered.",
        ),
        Field(
            "payment_terms",
            ListOf(item=Choice(vocabulary="payment_terms"), max_items=6),
            False,
            "Conditions de paiement acceptées.",
            "Payment terms accepted.",
        ),
        Field(
            "private_label",
            Flag(),
            False,
            "Marque de distributeur / OEM possible ?",
            "Private label / OEM possible?",
        ),
        Field(
            "pricing",
            PRICING,
            True,
            "Prix : sur demande, ou paliers indicatifs.",
            "Pricing: on request, or indicative tiers.",
        ),
    )
)

CHINA_MARKET = Record(
    fields=(
        Field(
            "gacc_status",
            Choice(choices=GACC_STATUSES),
            True,
            "Enregistrement GACC (douanes chinoises) du fabricant.",
            "GACC (China customs) registration of the maker.",
        ),
        Field(
            "gacc_number",
            Text(max_chars=40, sample="CMAR00000000000"),
            False,
            "Numéro d'enregistrement GACC, quand il existe.",
            "GACC registration number, when there is one.",
        ),
        Field(
            "chinese_label_ready",
            Flag(sample=False),
            False,
            "Étiquette chinoise (GB 7718) prête ?",
            "Chinese label (GB 7718) ready?",
        ),
        Field(
            "cosmetics_route",
            Choice(choices=COSMETICS_ROUTES),
            False,
            "Cosmétiques : déclaration NMPA ou commerce électronique transfrontalier.",
            "Cosmetics: NMPA filing or cross-border e-commerce.",
        ),
    )
)

PRODUCT = Record(
    fields=(
        Field(
            "cooperative",
            SLUG,
            True,
            "Identifiant (nom du dossier) de la coopérative.",
            "Id (folder name) of the cooperative.",
        ),
        Field(
            "category", Choice(vocabulary="categories"), True, "Catégorie de produit.", "Product category."
        ),
        Field(
            "status",
            Choice(choices=STATUSES),
            True,
            "draft (brouillon, non publié) ou published.",
            "draft (not published) or published.",
        ),
        Field(
            "last_verified",
            Date(),
            True,
            "Date de la dernière vérification des informations.",
            "Date the information was last checked.",
        ),
        Field(
            "featured",
            Flag(),
            False,
            "true pour le montrer sur la page d'accueil.",
            "true to show it on the home page.",
        ),
        Field(
            "name",
            NAME,
            True,
            "Nom du produit, dans les trois langues.",
            "Product name, in all three languages.",
        ),
        Field(
            "summary",
            Translated(one_line=True, max_chars=160),
            True,
            "Résumé en une ligne.",
            "One-line summary.",
        ),
        Field(
            "description",
            Translated(max_chars=5000),
            True,
            "Description (Markdown simple : paragraphes, listes, liens).",
            "Description (simple Markdown: paragraphs, lists, links).",
        ),
        Field("ingredients", Translated(max_chars=500), False, "Ingrédients.", "Ingredients."),
        Field(
            "storage", Translated(max_chars=300), False, "Conditions de conservation.", "Storage conditions."
        ),
        Field("origin", ORIGIN, True, "Origine du produit.", "Origin of the product."),
        Field(
            "botanical_name",
            Text(max_chars=80, sample="Argania spinosa"),
            False,
            "Nom botanique (latin).",
            "Botanical (Latin) name.",
        ),
        Field(
            "shelf_life_months",
            Integer(low=1, high=120, sample=18),
            False,
            "Durée de conservation (mois).",
            "Shelf life (months).",
        ),
        Field(
            "hs_code",
            Text(pattern=r"^[0-9]{4}\.[0-9]{2}$", sample="1515.90", max_chars=7),
            False,
            "Code SH à 6 chiffres, écrit NNNN.NN.",
            "6-digit HS code, written NNNN.NN.",
        ),
        Field(
            "skus",
            ListOf(item=SKU, max_items=12),
            False,
            "Références vendues (conditionnements).",
            "SKUs sold (pack sizes).",
        ),
        Field("trade", TRADE, True, "Conditions commerciales.", "Trade terms."),
        Field(
            "certificates",
            ListOf(item=SLUG, max_items=12),
            False,
            "Identifiants des certificats de la coopérative qui couvrent ce produit.",
            "Ids of the cooperative's certificates that cover this product.",
        ),
        Field(
            "china_market", CHINA_MARKET, True, "Accès au marché chinois.", "Access to the Chinese market."
        ),
        Field(
            "photos",
            ListOf(item=PHOTO, max_items=12),
            False,
            "Photos du produit ; la première est la principale (au moins une pour publier).",
            "Product photos; the first is the main one (at least one to publish).",
        ),
    )
)

CERTIFICATE = Record(
    fields=(
        Field(
            "id", SLUG, True, "Identifiant court, utilisé par les produits.", "Short id, used by products."
        ),
        Field(
            "kind",
            Choice(vocabulary="certificate_kinds"),
            True,
            "Type de certificat.",
            "Kind of certificate.",
        ),
        Field(
            "issuer", Text(max_chars=120, sample="ONSSA"), True, "Organisme qui l'a délivré.", "Issuing body."
        ),
        Field(
            "number",
            Text(max_chars=60, sample="EXEMPLE-0000"),
            False,
            "Numéro du certificat.",
            "Certificate number.",
        ),
        Field("valid_from", Date(sample="2025-01-01"), False, "Valable depuis.", "Valid from."),
        Field("valid_until", Date(sample="2027-12-31"), False, "Valable jusqu'au.", "Valid until."),
        Field(
            "markets",
            ListOf(item=Choice(vocabulary="markets"), min_items=1, max_items=6),
            True,
            "Marchés où il est valable (ex. MA, EU, CN).",
            "Markets where it is valid (e.g. MA, EU, CN).",
        ),
        Field(
            "document",
            File(extensions=(".pdf", ".jpg", ".jpeg", ".png"), sample="certificat.pdf"),
            False,
            "Copie du certificat, dans le dossier de la coopérative.",
            "Copy of the certificate, in the folder.",
        ),
    )
)

CONTACT = Record(
    fields=(
        Field(
            "name", Text(max_chars=80, sample="Fatima"), True, "Nom de la personne.", "Name of the person."
        ),
        Field(
            "role",
            Translated(
                one_line=True, max_chars=80, sample=("销售负责人", "Responsable commerciale", "Sales manager")
            ),
            False,
            "Fonction.",
            "Role.",
        ),
        Field(
            "languages",
            ListOf(item=Choice(vocabulary="spoken_languages"), min_items=1, max_items=6),
            False,
            "Langues parlées.",
            "Languages spoken.",
        ),
        Field(
            "email",
            Text(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", sample="contact@example.org"),
            False,
            "Adresse e-mail.",
            "E-mail address.",
        ),
        Field(
            "phone",
            PHONE,
            False,
            "Téléphone au format international E.164, sans espaces.",
            "Phone number in international E.164 format, without spaces.",
        ),
        Field("whatsapp", PHONE, False, "Numéro WhatsApp (E.164).", "WhatsApp number (E.164)."),
        Field(
            "wechat",
            Text(pattern=r"^[A-Za-z][-_A-Za-z0-9]{5,19}$", sample="sample-tifaout"),
            False,
            "Identifiant WeChat (6 à 20 caractères).",
            "WeChat ID (6 to 20 characters).",
        ),
        Field(
            "wechat_qr",
            File(extensions=(".png", ".jpg", ".jpeg"), sample="wechat-qr.png"),
            False,
            "Image du QR code WeChat, dans le dossier de la coopérative.",
            "WeChat QR code image, in the folder.",
        ),
    )
)

COOPERATIVE = Record(
    fields=(
        Field(
            "sample",
            Flag(),
            False,
            "true pour une coopérative fictive d'exemple.",
            "true for a fictional sample cooperative.",
        ),
        Field(
            "name",
            NAME,
            True,
            "Nom de la coopérative, dans les trois langues.",
            "Cooperative name, in all three languages.",
        ),
        Field(
            "legal_name",
            Text(max_chars=120, sample="Coopérative Tifaout"),
            True,
            "Nom officiel, tel qu'enregistré (non traduit).",
            "Legal name, as registered (not translated).",
        ),
        Field("legal_form", Choice(vocabulary="legal_forms"), True, "Forme juridique.", "Legal form."),
        Field(
            "founded_year",
            Integer(low=1900, high=2100, sample=2004),
            False,
            "Année de création.",
            "Year founded.",
        ),
        Field(
            "members",
            Record(
                fields=(
                    Field(
                        "total",
                        Integer(low=1, high=100000, sample=40),
                        True,
                        "Nombre d'adhérents.",
                        "Number of members.",
                    ),
                    Field(
                        "women",
                        Integer(low=0, high=100000, sample=38),
                        False,
                        "Dont femmes.",
                        "Of whom women.",
                    ),
                )
            ),
            False,
            "Adhérents.",
            "Members.",
        ),
        Field("region", Choice(vocabulary="regions"), True, "Région du Maroc.", "Region of Morocco."),
        Field("province", Text(max_chars=60, sample="Essaouira"), False, "Province.", "Province."),
        Field("commune", Text(max_chars=60, sample="Smimou"), False, "Commune.", "Commune."),
        Field(
            "location",
            Record(
                fields=(
                    Field(
                        "lat",
                        Amount(decimals=2, low=Decimal(20), high=Decimal(36), sample="31.21"),
                        True,
                        "Latitude (2 décimales).",
                        "Latitude (2 decimals).",
                    ),
                    Field(
                        "lon",
                        Amount(decimals=2, low=Decimal(-18), high=Decimal(0), sample="-9.55"),
                        True,
                        "Longitude (2 décimales).",
                        "Longitude (2 decimals).",
                    ),
                )
            ),
            False,
            "Position approximative (au centième de degré, environ 1 km).",
            "Approximate position (to 0.01°, about 1 km).",
        ),
        Field(
            "story",
            Translated(max_chars=8000),
            True,
            "Présentation de la coopérative (Markdown simple).",
            "The cooperative's story (simple Markdown).",
        ),
        Field(
            "certificates",
            ListOf(item=CERTIFICATE, max_items=20),
            False,
            "Certificats et agréments.",
            "Certificates and approvals.",
        ),
        Field(
            "contacts",
            ListOf(item=CONTACT, min_items=1, max_items=6),
            True,
            "Personnes à contacter (la première est le contact principal).",
            "People to contact (the first is the main contact).",
        ),
        Field(
            "logo",
            File(extensions=(".png", ".jpg", ".jpeg", ".webp"), sample="logo.png"),
            False,
            "Logo, dans le dossier de la coopérative.",
            "Logo, in the cooperative's folder.",
        ),
        Field(
            "reviewers",
            ListOf(item=Text(pattern=r"^@[A-Za-z0-9-]{1,39}$", sample="@github-user"), max_items=6),
            False,
            "Comptes GitHub qui relisent les changements de cette coopérative.",
            "GitHub accounts that review this cooperative's changes.",
        ),
    )
)
