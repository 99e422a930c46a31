"""The record schema: every field of a product and of a cooperative, declared once.

Each field says its kind (see ``kinds``), whether it is required, and what it is for in French
and English. The validator, the JSON Schemas in ``schemas/``, the skeletons written by
``scripts/new_record.py`` and the field reference in CONTRIBUTING.md all come from here.
"""

from __future__ import annotations

from decimal import Decimal

from miftah.kinds import (
    Amount,
    Approximate,
    Choice,
    Date,
    Field,
    File,
    Flag,
    HsCode,
    Integer,
    ListOf,
    PartialDate,
    Price,
    Record,
    Text,
    Translated,
)

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PHONE_PATTERN = r"^\+[1-9][0-9]{6,14}$"  # E.164: + country code and number, no spaces
STATUSES = ("draft", "published")
GACC_STATUSES = ("registered", "pending", "not_started", "not_applicable", "unknown")
CERTIFICATE_STATUSES = ("certified", "applicant", "suspended")
URL_PATTERN = r"^https?://[^\s/$.?#][^\s]*$"
COSMETICS_ROUTES = ("nmpa_filing", "cross_border_ecommerce", "not_applicable")

SLUG = Text(pattern=SLUG_PATTERN, sample="tifaout-argan", max_chars=60)
NAME = Translated(
    all_languages=True, one_line=True, max_chars=80, sample=("名称", "Nom", "Name"), own_scripts=True
)
URL = Text(pattern=URL_PATTERN, max_chars=300, sample="https://www.example.org/")
YEAR = Approximate(low=1900, high=2100, sample="2004", examples="2007, ~2007, 1996-1999")
HEADCOUNT = Approximate(low=0, high=100000, sample="40", examples="40, ~40, 50-60, 80+")
PROVINCE = Choice(vocabulary="provinces")
EMAIL = Text(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", sample="contact@example.org")
WECHAT = Text(pattern=r"^[A-Za-z][-_A-Za-z0-9]{5,19}$", sample="sample-tifaout")
WECHAT_QR = File(extensions=(".png", ".jpg", ".jpeg"), sample="wechat-qr.png", role="qr")

SOURCE = Record(
    fields=(
        Field("url", URL, False, "Adresse de la source (page web).", "Address of the source (web page)."),
        Field(
            "document",
            File(extensions=(".pdf", ".jpg", ".jpeg", ".png"), sample="source.pdf", role="document"),
            False,
            "Ou : document dans le dossier de la fiche.",
            "Or: a document in the record's folder.",
        ),
        Field(
            "title",
            Text(max_chars=200, sample="Site de la coopérative"),
            True,
            "Titre de la source.",
            "Title of the source.",
        ),
        Field("seen", Date(sample="2026-11-29"), True, "Date de consultation.", "Date it was read."),
        Field(
            "supports",
            Text(max_chars=300, sample="année de création, adhérentes"),
            True,
            "Ce que la source établit (quels champs).",
            "What the source supports (which fields).",
        ),
    )
)
SOURCES = Field(
    "sources",
    ListOf(item=SOURCE, max_items=20),
    False,
    "D'où viennent les informations de la fiche (sources publiques, documents).",
    "Where the record's information comes from (public sources, documents).",
)
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
            False,
            "Région d'origine (déduite de la province si elle est donnée).",
            "Region of origin (taken from the province when one is given).",
        ),
        Field(
            "province",
            PROVINCE,
            False,
            "Province ou préfecture d'origine (identifiant de la liste).",
            "Province or prefecture of origin (id from the list).",
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
                            False,
                            "À partir de cette quantité (si le prix en dépend).",
                            "From this quantity (when the price depends on it).",
                        ),
                        Field(
                            "price",
                            Price(decimals=2, sample="12.50"),
                            True,
                            "Prix unitaire indicatif : 12.50, ou une fourchette 120-150.",
                            "Indicative unit price: 12.50, or a range 120-150.",
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
            False,
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
            False,
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
            False,
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
            False,
            "Description (Markdown simple : paragraphes, listes, liens).",
            "Description (simple Markdown: paragraphs, lists, links).",
        ),
        Field("ingredients", Translated(max_chars=500), False, "Ingrédients.", "Ingredients."),
        Field(
            "storage", Translated(max_chars=300), False, "Conditions de conservation.", "Storage conditions."
        ),
        Field("origin", ORIGIN, False, "Origine du produit.", "Origin of the product."),
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
            HsCode(),
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
        Field("trade", TRADE, False, "Conditions commerciales.", "Trade terms."),
        Field(
            "certificates",
            ListOf(item=SLUG, max_items=12),
            False,
            "Identifiants des certificats de la coopérative qui couvrent ce produit.",
            "Ids of the cooperative's certificates that cover this product.",
        ),
        Field(
            "china_market", CHINA_MARKET, False, "Accès au marché chinois.", "Access to the Chinese market."
        ),
        Field(
            "photos",
            ListOf(item=PHOTO, max_items=12),
            False,
            "Photos du produit ; la première est la principale.",
            "Product photos; the first is the main one.",
        ),
        Field(
            "keywords",
            Translated(one_line=True, max_chars=300, sample=("阿甘油, 摩洛哥坚果油", "argan", "argan")),
            False,
            "Autres noms que les acheteurs cherchent, séparés par des virgules.",
            "Other names buyers search for, separated by commas.",
        ),
        SOURCES,
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
            "status",
            Choice(choices=CERTIFICATE_STATUSES),
            True,
            "certified (obtenu), applicant (demande en cours) ou suspended (suspendu).",
            "certified, applicant (applied for) or suspended.",
        ),
        Field(
            "issuer",
            Text(max_chars=120, sample="ONSSA"),
            False,
            "Organisme qui l'a délivré (laisser vide s'il n'est pas connu).",
            "Issuing body (leave out when it is not known).",
        ),
        Field(
            "grade",
            Text(max_chars=40, sample="4★ (72 %)"),
            False,
            "Niveau ou note attribuée, quand le label en donne (ex. Fair for Life 4★).",
            "Level or score awarded, when the label gives one (e.g. Fair for Life 4★).",
        ),
        Field(
            "number",
            Text(max_chars=60, sample="EXEMPLE-0000"),
            False,
            "Numéro du certificat.",
            "Certificate number.",
        ),
        Field(
            "valid_from",
            PartialDate(sample="2025-01"),
            False,
            "Obtenu le (2019, 2019-05 ou 2019-05-14 : aussi précis que connu).",
            "Obtained on (2019, 2019-05 or 2019-05-14: as precise as known).",
        ),
        Field("valid_until", Date(sample="2027-12-31"), False, "Valable jusqu'au.", "Valid until."),
        Field(
            "markets",
            ListOf(item=Choice(vocabulary="markets"), min_items=1, max_items=6),
            False,
            "Marchés où il est valable (ex. MA, EU, CN).",
            "Markets where it is valid (e.g. MA, EU, CN).",
        ),
        Field(
            "document",
            File(extensions=(".pdf", ".jpg", ".jpeg", ".png"), sample="certificat.pdf", role="document"),
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
            EMAIL,
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
            WECHAT,
            False,
            "Identifiant WeChat (6 à 20 caractères).",
            "WeChat ID (6 to 20 characters).",
        ),
        Field(
            "wechat_qr",
            WECHAT_QR,
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
            False,
            "Nom officiel, tel qu'enregistré (non traduit).",
            "Legal name, as registered (not translated).",
        ),
        Field("legal_form", Choice(vocabulary="legal_forms"), False, "Forme juridique.", "Legal form."),
        Field(
            "founded_year",
            YEAR,
            False,
            "Année de création : 2004, ~2007 (environ) ou 1996-1999 (entre les deux).",
            "Year founded: 2004, ~2007 (about) or 1996-1999 (between).",
        ),
        Field(
            "members",
            Record(
                fields=(
                    Field(
                        "total",
                        HEADCOUNT,
                        False,
                        "Nombre d'adhérents : 40, ~40 (environ), 50-60 ou 80+ (au moins).",
                        "Number of members: 40, ~40 (about), 50-60 or 80+ (at least).",
                    ),
                    Field("women", HEADCOUNT, False, "Dont femmes.", "Of whom women."),
                    Field(
                        "seasonal",
                        HEADCOUNT,
                        False,
                        "Travailleurs saisonniers (en plus des adhérents).",
                        "Seasonal workers (besides the members).",
                    ),
                )
            ),
            False,
            "Adhérents.",
            "Members.",
        ),
        Field(
            "region",
            Choice(vocabulary="regions"),
            False,
            "Région du Maroc (déduite de la province si elle est donnée).",
            "Region of Morocco (taken from the province when one is given).",
        ),
        Field(
            "province",
            PROVINCE,
            False,
            "Province ou préfecture (identifiant de la liste).",
            "Province or prefecture (id from the list).",
        ),
        Field(
            "commune",
            Choice(vocabulary="communes"),
            False,
            "Commune (identifiant de la liste ; ajoutez-la à la liste si elle manque).",
            "Commune (id from the list; add it to the list when it is missing).",
        ),
        Field("website", URL, False, "Site web de la coopérative.", "The cooperative's website."),
        Field(
            "last_verified",
            Date(),
            False,
            "Date de la dernière vérification des informations.",
            "Date the information was last checked.",
        ),
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
            False,
            "Personnes à contacter (la première est le contact principal) ; sans contact, le bureau "
            "export du programme reçoit les demandes.",
            "People to contact (the first is the main contact); without one, the programme's export "
            "desk receives the inquiries.",
        ),
        Field(
            "logo",
            File(extensions=(".png", ".jpg", ".jpeg", ".webp"), sample="logo.png", role="logo"),
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
        SOURCES,
    )
)

EXPORT_DESK = Record(
    fields=(
        Field("name", NAME, True, "Nom du bureau export.", "Name of the export desk."),
        Field(
            "sample",
            Flag(),
            False,
            "true pour un bureau d'exemple fictif.",
            "true for a fictional sample desk.",
        ),
        Field(
            "wechat",
            WECHAT,
            False,
            "Identifiant WeChat du bureau.",
            "WeChat ID of the desk.",
        ),
        Field("wechat_qr", WECHAT_QR, False, "QR code WeChat.", "WeChat QR code."),
        Field("email", EMAIL, False, "Adresse e-mail du bureau.", "E-mail address of the desk."),
        Field("phone", PHONE, False, "Téléphone (E.164).", "Phone (E.164)."),
        Field(
            "languages",
            ListOf(item=Choice(vocabulary="spoken_languages"), min_items=1, max_items=6),
            False,
            "Langues parlées au bureau.",
            "Languages spoken at the desk.",
        ),
        Field(
            "hours_beijing",
            Text(
                pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$", sample="15:00-23:00"
            ),
            False,
            "Heures d'ouverture, à l'heure de Pékin (HH:MM-HH:MM).",
            "Opening hours, Beijing time (HH:MM-HH:MM).",
        ),
        Field(
            "days",
            Translated(
                all_languages=True,
                one_line=True,
                max_chars=60,
                sample=("周一至周五", "du lundi au vendredi", "Monday to Friday"),
            ),
            False,
            "Jours d'ouverture.",
            "Opening days.",
        ),
    )
)

PROGRAMME = Record(
    fields=(
        Field("name", NAME, True, "Nom du programme (titre du site).", "Name of the programme (site title)."),
        Field(
            "description",
            Translated(all_languages=True, one_line=True, max_chars=200),
            True,
            "Description du site (moteurs de recherche).",
            "Description of the site (search engines).",
        ),
        Field(
            "footer",
            Translated(all_languages=True, one_line=True, max_chars=300),
            True,
            "Texte du pied de page.",
            "Footer text.",
        ),
        Field(
            "export_desk",
            EXPORT_DESK,
            True,
            "Bureau export : reçoit les demandes pour les coopératives sans contact propre.",
            "Export desk: receives inquiries for cooperatives without contacts of their own.",
        ),
    )
)
