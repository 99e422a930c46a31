"""The record schema: every field of a product, a cooperative and the programme, declared once.

Each record is a frozen dataclass; each field says its type, its kind (see ``kinds``), whether
it is required, and what it is for in French and English. The validator, the typed records the
pages read, the JSON Schemas in ``schemas/``, the skeletons written by ``scripts/new_record.py``
and the field reference in CONTRIBUTING.md all come from here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from miftah.catalog.kinds import (
    Amount,
    Approx,
    Approximate,
    Choice,
    Date,
    File,
    Flag,
    HsCode,
    Integer,
    ListOf,
    Partial,
    PartialDate,
    Price,
    Span,
    Text,
    Translated,
    declared,
    of,
    optional,
    required,
)
from miftah.catalog.taxonomy import vocabulary
from miftah.translated import NO_TEXT, Translations

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

PHONE = Text(pattern=PHONE_PATTERN, sample="+212600000001")
DOCUMENT_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png")


@dataclass(frozen=True, kw_only=True)
class Source:
    url: str | None = optional(URL, "Adresse de la source (page web).", "Address of the source (web page).")
    document: Path | None = optional(
        File(extensions=DOCUMENT_EXTENSIONS, sample="source.pdf", role="document"),
        "Ou : document dans le dossier de la fiche.",
        "Or: a document in the record's folder.",
    )
    title: str = required(
        Text(max_chars=200, sample="Site de la coopérative"), "Titre de la source.", "Title of the source."
    )
    seen: datetime.date = required(Date(sample="2026-11-29"), "Date de consultation.", "Date it was read.")
    supports: str = required(
        Text(max_chars=300, sample="année de création, adhérentes"),
        "Ce que la source établit (quels champs).",
        "What the source supports (which fields).",
    )


def _sources() -> tuple[Source, ...]:
    """The same field in products and cooperatives (a fresh one each: dataclasses own theirs)."""
    return optional(
        ListOf(item=of(Source), max_items=20),
        "D'où viennent les informations de la fiche (sources publiques, documents).",
        "Where the record's information comes from (public sources, documents).",
        default=(),
    )


@dataclass(frozen=True, kw_only=True)
class Photo:
    file: Path = required(
        File(),
        "Nom du fichier photo, dans le dossier de la fiche.",
        "Photo file name, in the record's folder.",
    )
    alt: Translations = required(
        Translated(
            one_line=True,
            max_chars=200,
            sample=("照片内容", "Ce que montre la photo", "What the photo shows"),
        ),
        "Ce que montre la photo (lu par les lecteurs d'écran).",
        "What the photo shows (read by screen readers).",
    )


def region_of(region: str | None, province: str | None) -> str | None:
    """The region a record states, or the one its province lies in."""
    if region:
        return region
    return vocabulary("provinces")[province].fact("region") if province else None


@dataclass(frozen=True, kw_only=True)
class Origin:
    region: str | None = optional(
        Choice(vocabulary="regions"),
        "Région d'origine (déduite de la province si elle est donnée).",
        "Region of origin (taken from the province when one is given).",
    )
    province: str | None = optional(
        PROVINCE,
        "Province ou préfecture d'origine (identifiant de la liste).",
        "Province or prefecture of origin (id from the list).",
    )
    geographical_indication: str | None = optional(
        Choice(vocabulary="geographical_indications"),
        "Indication géographique (IGP/AOP) dont le produit relève.",
        "Geographical indication (PGI/PDO) the product falls under.",
    )

    def __post_init__(self) -> None:
        # The help text promises it: a region left out is the province's (frozen, so set once here).
        object.__setattr__(self, "region", region_of(self.region, self.province))


@dataclass(frozen=True, kw_only=True)
class Carton:
    length_cm: int = required(Integer(low=1, high=300, sample=40), "Longueur (cm).", "Length (cm).")
    width_cm: int = required(Integer(low=1, high=300, sample=30), "Largeur (cm).", "Width (cm).")
    height_cm: int = required(Integer(low=1, high=300, sample=25), "Hauteur (cm).", "Height (cm).")
    gross_weight_kg: Decimal = required(
        Amount(decimals=2, sample="12.5"), "Poids brut (kg).", "Gross weight (kg)."
    )


@dataclass(frozen=True, kw_only=True)
class Pallet:
    cartons: int = required(
        Integer(low=1, high=1000, sample=40), "Cartons par palette.", "Cartons per pallet."
    )
    gross_weight_kg: Decimal | None = optional(
        Amount(decimals=1, sample="520"), "Poids brut (kg).", "Gross weight (kg)."
    )


@dataclass(frozen=True, kw_only=True)
class NetContent:
    value: Decimal = required(Amount(decimals=3, sample="250"), "Quantité nette.", "Net quantity.")
    unit: str = required(Choice(vocabulary="units"), "Unité.", "Unit.")


@dataclass(frozen=True, kw_only=True)
class Sku:
    id: str = required(
        SLUG, "Identifiant de la référence (ex. bouteille-250ml).", "SKU id (e.g. bottle-250ml)."
    )
    net_content: NetContent = required(
        of(NetContent), "Contenu net d'une unité de vente.", "Net content of one sales unit."
    )
    packaging: Translations = required(
        Translated(
            one_line=True,
            max_chars=120,
            sample=("琥珀色玻璃瓶", "Bouteille en verre ambré", "Amber glass bottle"),
        ),
        "Emballage de l'unité.",
        "Packaging of the unit.",
    )
    units_per_carton: int | None = optional(
        Integer(low=1, high=10000, sample=24), "Unités par carton.", "Units per carton."
    )
    carton: Carton | None = optional(of(Carton), "Dimensions et poids du carton.", "Carton size and weight.")
    pallet: Pallet | None = optional(of(Pallet), "Palettisation.", "Pallet.")


@dataclass(frozen=True, kw_only=True)
class Samples:
    available: bool = required(Flag(), "Échantillons disponibles ?", "Samples available?")
    cost: Decimal | None = optional(
        Amount(decimals=2, sample="0"), "Prix de l'échantillon (0 = gratuit).", "Sample price (0 = free)."
    )
    currency: str | None = optional(
        Choice(vocabulary="currencies"), "Devise du prix.", "Currency of the price."
    )
    days: int | None = optional(
        Integer(low=1, high=120, sample=10), "Délai d'envoi (jours).", "Days to dispatch."
    )


@dataclass(frozen=True, kw_only=True)
class PriceTier:
    from_quantity: int | None = optional(
        Integer(low=1, sample=100),
        "À partir de cette quantité (si le prix en dépend).",
        "From this quantity (when the price depends on it).",
    )
    price: Span = required(
        Price(decimals=2, sample="12.50"),
        "Prix unitaire indicatif : 12.50, ou une fourchette 120-150.",
        "Indicative unit price: 12.50, or a range 120-150.",
    )


@dataclass(frozen=True, kw_only=True)
class Pricing:
    on_request: bool = optional(Flag(), "true : prix sur demande.", "true: price on request.", default=False)
    currency: str | None = optional(
        Choice(vocabulary="currencies"), "Devise des prix indicatifs.", "Currency of the indicative prices."
    )
    incoterm: str | None = optional(
        Choice(vocabulary="incoterms"),
        "Incoterm auquel le prix se rapporte.",
        "Incoterm the price refers to.",
    )
    unit: str | None = optional(Choice(vocabulary="units"), "Unité de prix.", "Price unit.")
    tiers: tuple[PriceTier, ...] = optional(
        ListOf(item=of(PriceTier), max_items=8),
        "Paliers de prix indicatifs.",
        "Indicative price tiers.",
        default=(),
    )


@dataclass(frozen=True, kw_only=True)
class Quantity:
    quantity: int = required(
        Integer(low=1, sample=100), "Quantité minimale de commande.", "Minimum order quantity."
    )
    unit: str = required(Choice(vocabulary="units"), "Unité.", "Unit.")


@dataclass(frozen=True, kw_only=True)
class SupplyCapacity:
    quantity: int = required(Integer(low=1, sample=2000), "Quantité.", "Quantity.")
    unit: str = required(Choice(vocabulary="units"), "Unité.", "Unit.")
    period: str = required(Choice(vocabulary="periods"), "Par mois ou par an.", "Per month or per year.")


@dataclass(frozen=True, kw_only=True)
class LeadTime:
    from_quantity: int = required(
        Integer(low=1, sample=1),
        "À partir de cette quantité (unité du MOQ).",
        "From this quantity (MOQ unit).",
    )
    days: int = required(
        Integer(low=1, high=365, sample=20), "Délai de livraison (jours).", "Lead time (days)."
    )


@dataclass(frozen=True, kw_only=True)
class IncotermOffer:
    term: str = required(Choice(vocabulary="incoterms"), "Incoterm 2020.", "Incoterm 2020.")
    place: str | None = optional(
        Choice(vocabulary="ports"), "Port ou aéroport de chargement.", "Port or airport of loading."
    )


@dataclass(frozen=True, kw_only=True)
class Trade:
    moq: Quantity | None = optional(  # None: not stated (the page says "to be confirmed")
        of(Quantity), "Quantité minimale de commande (MOQ).", "Minimum order quantity (MOQ)."
    )
    samples: Samples | None = optional(of(Samples), "Échantillons.", "Samples.")
    supply_capacity: SupplyCapacity | None = optional(
        of(SupplyCapacity), "Capacité d'approvisionnement.", "Supply capacity."
    )
    lead_times: tuple[LeadTime, ...] = optional(
        ListOf(item=of(LeadTime), max_items=6), "Délais par quantité.", "Lead times by quantity.", default=()
    )
    incoterms: tuple[IncotermOffer, ...] = optional(
        ListOf(item=of(IncotermOffer), max_items=8), "Incoterms proposés.", "Incoterms offered.", default=()
    )
    payment_terms: tuple[str, ...] = optional(
        ListOf(item=Choice(vocabulary="payment_terms"), max_items=6),
        "Conditions de paiement acceptées.",
        "Payment terms accepted.",
        default=(),
    )
    private_label: bool | None = optional(
        Flag(), "Marque de distributeur / OEM possible ?", "Private label / OEM possible?"
    )
    pricing: Pricing | None = optional(  # None: not stated; on_request is a statement
        of(Pricing), "Prix : sur demande, ou paliers indicatifs.", "Pricing: on request, or indicative tiers."
    )


@dataclass(frozen=True, kw_only=True)
class ChinaMarket:
    gacc_status: str = optional(
        Choice(choices=GACC_STATUSES),
        "Enregistrement GACC (douanes chinoises) du fabricant.",
        "GACC (China customs) registration of the maker.",
        default="unknown",
    )
    gacc_number: str | None = optional(
        Text(max_chars=40, sample="CMAR00000000000"),
        "Numéro d'enregistrement GACC, quand il existe.",
        "GACC registration number, when there is one.",
    )
    chinese_label_ready: bool | None = optional(
        Flag(sample=False), "Étiquette chinoise (GB 7718) prête ?", "Chinese label (GB 7718) ready?"
    )
    cosmetics_route: str | None = optional(
        Choice(choices=COSMETICS_ROUTES),
        "Cosmétiques : déclaration NMPA ou commerce électronique transfrontalier.",
        "Cosmetics: NMPA filing or cross-border e-commerce.",
    )


@dataclass(frozen=True, kw_only=True)
class Product:
    slug: str  # the folder's name
    folder: Path
    cooperative: str = required(
        SLUG, "Identifiant (nom du dossier) de la coopérative.", "Id (folder name) of the cooperative."
    )
    category: str = required(Choice(vocabulary="categories"), "Catégorie de produit.", "Product category.")
    status: str = required(
        Choice(choices=STATUSES),
        "draft (brouillon, non publié) ou published.",
        "draft (not published) or published.",
    )
    last_verified: datetime.date = required(
        Date(),
        "Date de la dernière vérification des informations.",
        "Date the information was last checked.",
    )
    featured: bool = optional(
        Flag(),
        "true pour le montrer sur la page d'accueil.",
        "true to show it on the home page.",
        default=False,
    )
    name: Translations = required(
        NAME, "Nom du produit, dans les trois langues.", "Product name, in all three languages."
    )
    summary: Translations = required(
        Translated(one_line=True, max_chars=160), "Résumé en une ligne.", "One-line summary."
    )
    description: Translations = optional(
        Translated(max_chars=5000),
        "Description (Markdown simple : paragraphes, listes, liens).",
        "Description (simple Markdown: paragraphs, lists, links).",
        default=NO_TEXT,
    )
    ingredients: Translations = optional(
        Translated(max_chars=500), "Ingrédients.", "Ingredients.", default=NO_TEXT
    )
    storage: Translations = optional(
        Translated(max_chars=300), "Conditions de conservation.", "Storage conditions.", default=NO_TEXT
    )
    origin: Origin = optional(of(Origin), "Origine du produit.", "Origin of the product.", default=Origin())
    botanical_name: str | None = optional(
        Text(max_chars=80, sample="Argania spinosa"), "Nom botanique (latin).", "Botanical (Latin) name."
    )
    shelf_life_months: int | None = optional(
        Integer(low=1, high=120, sample=18), "Durée de conservation (mois).", "Shelf life (months)."
    )
    hs_code: str | None = optional(
        HsCode(), "Code SH à 6 chiffres, écrit NNNN.NN.", "6-digit HS code, written NNNN.NN."
    )
    skus: tuple[Sku, ...] = optional(
        ListOf(item=of(Sku), max_items=12),
        "Références vendues (conditionnements).",
        "SKUs sold (pack sizes).",
        default=(),
    )
    trade: Trade = optional(of(Trade), "Conditions commerciales.", "Trade terms.", default=Trade())
    certificates: tuple[str, ...] = optional(
        ListOf(item=SLUG, max_items=12),
        "Identifiants des certificats de la coopérative qui couvrent ce produit.",
        "Ids of the cooperative's certificates that cover this product.",
        default=(),
    )
    china_market: ChinaMarket = optional(
        of(ChinaMarket), "Accès au marché chinois.", "Access to the Chinese market.", default=ChinaMarket()
    )
    photos: tuple[Photo, ...] = optional(
        ListOf(item=of(Photo), max_items=12),
        "Photos du produit ; la première est la principale.",
        "Product photos; the first is the main one.",
        default=(),
    )
    keywords: Translations = optional(
        Translated(one_line=True, max_chars=300, sample=("阿甘油, 摩洛哥坚果油", "argan", "argan")),
        "Autres noms que les acheteurs cherchent, séparés par des virgules.",
        "Other names buyers search for, separated by commas.",
        default=NO_TEXT,
    )
    sources: tuple[Source, ...] = _sources()

    @property
    def published(self) -> bool:
        return self.status == "published"


def expired(valid_until: datetime.date | None, day: datetime.date) -> bool:
    return valid_until is not None and valid_until < day


def in_force(status: str | None, valid_until: datetime.date | None, day: datetime.date) -> bool:
    """A certificate is in force on ``day`` when granted and not expired: the one place this is
    decided (pages, filters, the claim guard and the expiry warning all ask here)."""
    return status == "certified" and not expired(valid_until, day)


@dataclass(frozen=True, kw_only=True)
class Certificate:
    id: str = required(SLUG, "Identifiant court, utilisé par les produits.", "Short id, used by products.")
    kind: str = required(
        Choice(vocabulary="certificate_kinds"), "Type de certificat.", "Kind of certificate."
    )
    status: str = required(
        Choice(choices=CERTIFICATE_STATUSES),
        "certified (obtenu), applicant (demande en cours) ou suspended (suspendu).",
        "certified, applicant (applied for) or suspended.",
    )
    issuer: str | None = optional(
        Text(max_chars=120, sample="ONSSA"),
        "Organisme qui l'a délivré (laisser vide s'il n'est pas connu).",
        "Issuing body (leave out when it is not known).",
    )
    grade: str | None = optional(
        Text(max_chars=40, sample="4★ (72 %)"),
        "Niveau ou note attribuée, quand le label en donne (ex. Fair for Life 4★).",
        "Level or score awarded, when the label gives one (e.g. Fair for Life 4★).",
    )
    number: str | None = optional(
        Text(max_chars=60, sample="EXEMPLE-0000"), "Numéro du certificat.", "Certificate number."
    )
    valid_from: Partial | None = optional(
        PartialDate(sample="2025-01"),
        "Obtenu le (2019, 2019-05 ou 2019-05-14 : aussi précis que connu).",
        "Obtained on (2019, 2019-05 or 2019-05-14: as precise as known).",
    )
    valid_until: datetime.date | None = optional(
        Date(sample="2027-12-31"), "Valable jusqu'au.", "Valid until."
    )
    markets: tuple[str, ...] = optional(
        ListOf(item=Choice(vocabulary="markets"), min_items=1, max_items=6),
        "Marchés où il est valable (ex. MA, EU, CN).",
        "Markets where it is valid (e.g. MA, EU, CN).",
        default=(),
    )
    document: Path | None = optional(
        File(extensions=DOCUMENT_EXTENSIONS, sample="certificat.pdf", role="document"),
        "Copie du certificat, dans le dossier de la coopérative.",
        "Copy of the certificate, in the folder.",
    )

    def valid_on(self, day: datetime.date) -> bool:
        return in_force(self.status, self.valid_until, day)

    def shown_on(self, day: datetime.date) -> bool:
        """On the pages on ``day``: in force, or applied for (said so); never suspended or expired."""
        return self.valid_on(day) or (self.status == "applicant" and not expired(self.valid_until, day))


@dataclass(frozen=True, kw_only=True)
class Contact:
    name: str = required(Text(max_chars=80, sample="Fatima"), "Nom de la personne.", "Name of the person.")
    role: Translations = optional(
        Translated(
            one_line=True, max_chars=80, sample=("销售负责人", "Responsable commerciale", "Sales manager")
        ),
        "Fonction.",
        "Role.",
        default=NO_TEXT,
    )
    languages: tuple[str, ...] = optional(
        ListOf(item=Choice(vocabulary="spoken_languages"), min_items=1, max_items=6),
        "Langues parlées.",
        "Languages spoken.",
        default=(),
    )
    email: str | None = optional(EMAIL, "Adresse e-mail.", "E-mail address.")
    phone: str | None = optional(
        PHONE,
        "Téléphone au format international E.164, sans espaces.",
        "Phone number in international E.164 format, without spaces.",
    )
    whatsapp: str | None = optional(PHONE, "Numéro WhatsApp (E.164).", "WhatsApp number (E.164).")
    wechat: str | None = optional(
        WECHAT, "Identifiant WeChat (6 à 20 caractères).", "WeChat ID (6 to 20 characters)."
    )
    wechat_qr: Path | None = optional(
        WECHAT_QR,
        "Image du QR code WeChat, dans le dossier de la coopérative.",
        "WeChat QR code image, in the folder.",
    )


@dataclass(frozen=True, kw_only=True)
class Members:
    total: Approx | None = optional(
        HEADCOUNT,
        "Nombre d'adhérents : 40, ~40 (environ), 50-60 ou 80+ (au moins).",
        "Number of members: 40, ~40 (about), 50-60 or 80+ (at least).",
    )
    women: Approx | None = optional(HEADCOUNT, "Dont femmes.", "Of whom women.")
    seasonal: Approx | None = optional(
        HEADCOUNT,
        "Travailleurs saisonniers (en plus des adhérents).",
        "Seasonal workers (besides the members).",
    )


@dataclass(frozen=True, kw_only=True)
class Location:
    lat: Decimal = required(
        Amount(decimals=2, low=Decimal(20), high=Decimal(36), sample="31.21"),
        "Latitude (2 décimales).",
        "Latitude (2 decimals).",
    )
    lon: Decimal = required(
        Amount(decimals=2, low=Decimal(-18), high=Decimal(0), sample="-9.55"),
        "Longitude (2 décimales).",
        "Longitude (2 decimals).",
    )


@dataclass(frozen=True, kw_only=True)
class Cooperative:
    slug: str  # the folder's name
    folder: Path
    sample: bool = optional(
        Flag(),
        "true pour une coopérative fictive d'exemple.",
        "true for a fictional sample cooperative.",
        default=False,
    )
    name: Translations = required(
        NAME, "Nom de la coopérative, dans les trois langues.", "Cooperative name, in all three languages."
    )
    legal_name: str | None = optional(
        Text(max_chars=120, sample="Coopérative Tifaout"),
        "Nom officiel, tel qu'enregistré (non traduit).",
        "Legal name, as registered (not translated).",
    )
    legal_form: str | None = optional(Choice(vocabulary="legal_forms"), "Forme juridique.", "Legal form.")
    founded_year: Approx | None = optional(
        YEAR,
        "Année de création : 2004, ~2007 (environ) ou 1996-1999 (entre les deux).",
        "Year founded: 2004, ~2007 (about) or 1996-1999 (between).",
    )
    members: Members = optional(of(Members), "Adhérents.", "Members.", default=Members())
    region: str | None = optional(
        Choice(vocabulary="regions"),
        "Région du Maroc (déduite de la province si elle est donnée).",
        "Region of Morocco (taken from the province when one is given).",
    )
    province: str | None = optional(
        PROVINCE,
        "Province ou préfecture (identifiant de la liste).",
        "Province or prefecture (id from the list).",
    )
    commune: str | None = optional(
        Choice(vocabulary="communes"),
        "Commune (identifiant de la liste ; ajoutez-la à la liste si elle manque).",
        "Commune (id from the list; add it to the list when it is missing).",
    )
    website: str | None = optional(URL, "Site web de la coopérative.", "The cooperative's website.")
    last_verified: datetime.date | None = optional(
        Date(),
        "Date de la dernière vérification des informations.",
        "Date the information was last checked.",
    )
    location: Location | None = optional(
        of(Location),
        "Position approximative (au centième de degré, environ 1 km).",
        "Approximate position (to 0.01°, about 1 km).",
    )
    story: Translations = required(
        Translated(max_chars=8000),
        "Présentation de la coopérative (Markdown simple).",
        "The cooperative's story (simple Markdown).",
    )
    certificates: tuple[Certificate, ...] = optional(
        ListOf(item=of(Certificate), max_items=20),
        "Certificats et agréments.",
        "Certificates and approvals.",
        default=(),
    )
    contacts: tuple[Contact, ...] = optional(
        ListOf(item=of(Contact), min_items=1, max_items=6),
        "Personnes à contacter (la première est le contact principal) ; sans contact, le bureau "
        "export du programme reçoit les demandes.",
        "People to contact (the first is the main contact); without one, the programme's export "
        "desk receives the inquiries.",
        default=(),
    )
    logo: Path | None = optional(
        File(extensions=(".png", ".jpg", ".jpeg", ".webp"), sample="logo.png", role="logo"),
        "Logo, dans le dossier de la coopérative.",
        "Logo, in the cooperative's folder.",
    )
    reviewers: tuple[str, ...] = optional(
        ListOf(item=Text(pattern=r"^@[A-Za-z0-9-]{1,39}$", sample="@github-user"), max_items=6),
        "Comptes GitHub qui relisent les changements de cette coopérative.",
        "GitHub accounts that review this cooperative's changes.",
        default=(),
    )
    sources: tuple[Source, ...] = _sources()

    def __post_init__(self) -> None:
        # As for a product's origin: a region left out is the province's.
        object.__setattr__(self, "region", region_of(self.region, self.province))

    def certificate(self, certificate_id: str) -> Certificate | None:
        return next((c for c in self.certificates if c.id == certificate_id), None)


@dataclass(frozen=True, kw_only=True)
class ExportDesk:
    name: Translations = required(NAME, "Nom du bureau export.", "Name of the export desk.")
    sample: bool = optional(
        Flag(), "true pour un bureau d'exemple fictif.", "true for a fictional sample desk.", default=False
    )
    wechat: str | None = optional(WECHAT, "Identifiant WeChat du bureau.", "WeChat ID of the desk.")
    wechat_qr: Path | None = optional(WECHAT_QR, "QR code WeChat.", "WeChat QR code.")
    email: str | None = optional(EMAIL, "Adresse e-mail du bureau.", "E-mail address of the desk.")
    phone: str | None = optional(PHONE, "Téléphone (E.164).", "Phone (E.164).")
    languages: tuple[str, ...] = optional(
        ListOf(item=Choice(vocabulary="spoken_languages"), min_items=1, max_items=6),
        "Langues parlées au bureau.",
        "Languages spoken at the desk.",
        default=(),
    )
    hours_beijing: str | None = optional(
        Text(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$", sample="15:00-23:00"),
        "Heures d'ouverture, à l'heure de Pékin (HH:MM-HH:MM).",
        "Opening hours, Beijing time (HH:MM-HH:MM).",
    )
    days: Translations = optional(
        Translated(
            all_languages=True,
            one_line=True,
            max_chars=60,
            sample=("周一至周五", "du lundi au vendredi", "Monday to Friday"),
        ),
        "Jours d'ouverture.",
        "Opening days.",
        default=NO_TEXT,
    )


@dataclass(frozen=True, kw_only=True)
class Programme:
    """The site's identity: who runs the catalog, and the export desk that answers for
    cooperatives without contacts of their own."""

    folder: Path
    name: Translations = required(
        NAME, "Nom du programme (titre du site).", "Name of the programme (site title)."
    )
    description: Translations = required(
        Translated(all_languages=True, one_line=True, max_chars=200),
        "Description du site (moteurs de recherche).",
        "Description of the site (search engines).",
    )
    footer: Translations = required(
        Translated(all_languages=True, one_line=True, max_chars=300),
        "Texte du pied de page.",
        "Footer text.",
    )
    export_desk: ExportDesk = required(
        of(ExportDesk),
        "Bureau export : reçoit les demandes pour les coopératives sans contact propre.",
        "Export desk: receives inquiries for cooperatives without contacts of their own.",
    )


PRODUCT = declared(Product)
COOPERATIVE = declared(Cooperative)
PROGRAMME = declared(Programme)
