"""Page models: for each page and language, what the page shows, ready to print.

Nothing here writes HTML (only the sanitised Markdown of ``richtext``); templates loop over
these views and print them. URLs are relative to the language root (``products/<slug>/``), so
the same models serve every language and any deployment path.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from markupsafe import Markup
from pypinyin import lazy_pinyin

from miftah.catalog.records import Catalog
from miftah.catalog.schema import Contact, Cooperative, Product
from miftah.catalog.schema import Source as RecordSource
from miftah.catalog.taxonomy import vocabulary
from miftah.i18n import language_name, t
from miftah.languages import OWN_SCRIPTS, direction, html_lang, language
from miftah.media.formats import MEDIA_DIR, Rendition
from miftah.translated import Translations
from miftah.views import formatting, richtext, searchwords, seo
from miftah.views.inquiry import inquiry_data, sku_label
from miftah.views.tradefacts import (
    CertificateRow,
    Fact,
    ImporterFacts,
    certificate_rows,
    cooperative_facts,
    importer_facts,
    place_line,
)

PAGE_SIZE = 24  # cards per listing page: a phone page stays small at 3,000 products
# The cards of a listing page whose photos load at once: a lazy photo there was the catalog
# page's largest paint (LCP) on a phone. One only: a second one shares the slow link with it.
EAGER_CARDS = 1
HOME_FEATURED = 12  # featured products on the home page; the catalog has them all
FACETS_PATH = "products/facets.json"  # the whole catalog, compact, fetched only when filtering
SORTS = ("recommended", "name", "newest", "moq")
# The slot each photo fills on the page (catalog.css: on phones the gallery is the content width,
# 100vw - 32px, and cards are two a row, 50vw - 24px), for the browser to pick a width: declared
# too wide, a Lighthouse phone (412 px at 1.75) fetched 480 px cards where 320 px fill the slot.
# On screens of more than 2.5 device pixels per CSS pixel the slot is declared 5/6 as wide: the
# photo is then shown at 2.5 device pixels per pixel, which the eye cannot tell from 3, for about
# half the bytes (1440 px photos on a 390 px phone otherwise).
PRODUCT_SIZES = (
    "(min-width: 76.25em) 720px, (min-width: 60em) 60vw,"
    " (min-resolution: 2.5dppx) calc(83vw - 27px), calc(100vw - 32px)"
)
CARD_SIZES = (
    "(min-width: 60em) 300px, (min-width: 30em) 45vw,"
    " (min-resolution: 2.5dppx) calc(42vw - 20px), calc(50vw - 24px)"
)
MAX_DESCRIPTION_CHARS = 160  # what search engines show of a meta description


@dataclass(frozen=True)
class TextView:
    """A record text in one page language: the words, and a notice when they were borrowed."""

    text: str
    html_lang: str
    notice: str | None  # e.g. 暂无中文翻译 when the text is in another language
    direction: str = "ltr"  # rtl for a name borrowed from its Arabic form


@dataclass(frozen=True)
class Candidate:
    """One file of a srcset: its address (relative to the language's base) and its width."""

    url: str
    width: int


@dataclass(frozen=True)
class Source:
    mime: str
    srcset: tuple[Candidate, ...]


@dataclass(frozen=True)
class OwnName:
    """A name as the cooperative writes it (Arabic, Tifinagh), shown beside the translation."""

    text: str
    html_lang: str
    direction: str  # rtl for Arabic


@dataclass(frozen=True)
class NoPhoto:
    """The designed panel a product without photos shows: its category's pictogram."""

    pictogram: str  # a name from data/pictograms.yml, drawn by the template
    label: str  # "photo to come", in the page's language


@dataclass(frozen=True)
class PhotoView:
    alt: TextView
    sources: tuple[Source, ...]  # modern formats, for <source> elements
    src: str  # the universal fallback, for <img>
    srcset: tuple[Candidate, ...]
    sizes: str
    width: int
    height: int
    colour: str
    eager: bool  # the first visible photo loads at once; the others lazily
    placeholder: str = ""  # tiny blurred preview (data: URI) shown until the photo arrives


@dataclass(frozen=True)
class Link:
    url: str
    label: str
    count: int = 0


@dataclass(frozen=True)
class ContactView:
    name: str
    role: TextView | None
    languages: tuple[str, ...]  # labels in the page's language
    wechat: str | None
    wechat_qr: PhotoView | None
    email: str | None
    phone: str | None
    whatsapp: str | None
    hours: str | None = None  # the export desk's opening hours, in Beijing time
    sample: bool = False  # a fictional sample desk (badge)


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class FilterGroup:
    key: str  # the URL parameter, e.g. ?category=spices
    label: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class CooperativeCard:
    url: str
    name: TextView
    own_names: tuple[OwnName, ...]
    region: Link | None
    place: str | None  # region · province · commune, in the page's language
    sample: bool
    logo: PhotoView | None
    facts: tuple[Fact, ...]  # registered name, founded, members…: what the record states
    labels: tuple[str, ...]  # kinds of the certificates in force
    contacts: tuple[ContactView, ...]
    via_desk: str | None  # set when the export desk answers for the cooperative: says so
    website: str | None


@dataclass(frozen=True)
class ProductCard:
    url: str
    name: TextView
    summary: TextView
    photo: PhotoView | None
    no_photo: NoPhoto | None
    cooperative: TextView
    region: Link | None
    category: Link
    moq: str | None
    lead_time: str | None
    filters: dict[str, str]  # filter key -> space-separated values, for the catalog's filters


@dataclass(frozen=True)
class SearchWords:
    """What a page adds to the search index, with explicit word boundaries (``miftah.views.searchwords``):
    three ``data-pagefind-meta`` fields, never shown."""

    name: str
    keywords: str = ""
    text: str = ""
    fields: tuple[str, str, str] = (
        searchwords.PRODUCT_FIELDS
    )  # a cooperative's: searchwords.COOPERATIVE_FIELDS


@dataclass(frozen=True)
class SearchView:
    """The search page: what it shows when a query finds nothing (also without JavaScript)."""

    categories: tuple[Link, ...]
    desk: ContactView


@dataclass(frozen=True)
class ProductView:
    name: TextView
    summary: TextView
    description: TextView | None
    own_names: tuple[OwnName, ...]
    photos: tuple[PhotoView, ...]
    no_photo: NoPhoto | None
    category: Link
    region: Link | None
    cooperative: CooperativeCard
    facts: ImporterFacts
    skus: tuple[Option, ...]
    incoterms: tuple[Option, ...]
    moq: int | None  # pre-fills the inquiry only when the record states it
    quantity_label: str  # "数量（升）": the inquiry's quantity field, in the MOQ's unit
    inquiry: Markup
    qr: Markup
    search: SearchWords = SearchWords("")


@dataclass(frozen=True)
class CooperativeView:
    card: CooperativeCard
    story: TextView
    products: tuple[ProductCard, ...]
    certificates: tuple[CertificateRow, ...]
    sources: tuple[Link, ...]  # where the record's facts come from (url, label: title and date)
    last_verified: str | None
    qr: Markup
    search: SearchWords = SearchWords("")


@dataclass(frozen=True)
class Pager:
    """Where a page of a long listing stands: every page is one plain link away (no JavaScript)."""

    number: int
    pages: tuple[Link, ...]  # every page of the listing, in order; label "1", "2", …
    previous: str | None  # URLs below the language root
    next: str | None


@dataclass(frozen=True)
class ListingView:
    """A list of products: the catalog, a category, a region, the home page's featured ones."""

    intro: str
    products: tuple[ProductCard, ...]
    categories: tuple[Link, ...]
    regions: tuple[Link, ...]
    cooperatives: tuple[CooperativeCard, ...] = ()
    filters: tuple[FilterGroup, ...] = ()
    pager: Pager | None = None
    sorts: tuple[Option, ...] = ()  # orders the filters offer over the whole catalog


@dataclass(frozen=True)
class PageModel:
    url: str  # the page's address under its language's root: "", "products/", "products/argan-oil/"
    template: str
    title: str
    description: str
    view: object
    json_ld: str = ""  # <script type="application/ld+json"> elements, already safe
    social: seo.Social | None = None
    # The photo of the page's largest paint on a phone, fetched from <head> beside the CSS: a
    # product's first photo (a listing's first card is early in its HTML: found as soon).
    preload: PhotoView | None = None


Render = Callable[[Path, str], Rendition]  # (image file, kind: photo | logo | qr) -> its rendition
LOGO_SIZES = "96px"
QR_SIZES = "200px"


class PageMaker:
    """Builds the models of every catalog page in one language."""

    def __init__(
        self,
        catalog: Catalog,
        lang: str,
        render: Render,
        site_base: str,
        day: datetime.date,
        qr_cache: Path | None = None,
    ) -> None:
        self.catalog = catalog
        self.lang = lang
        self.render = render
        self.site_base = site_base  # the site's root URL, for canonical links and QR codes
        self.day = day  # certificates are shown while valid on this day
        self.qr_cache = qr_cache  # folder of drawn page QR codes, reused by later builds
        self._term_counts: dict[str, Counter[str]] = {}  # counted once, not once per link
        self._sort_keys: dict[str, str] = {}

    def all_pages(self) -> list[PageModel]:
        pages = [*self.catalog_pages(), *self.cooperatives_pages(), self.search_page()]
        pages += [self.product_page(product) for product in self.catalog.published_products()]
        pages += [self.cooperative_page(coop) for coop in self.catalog.cooperatives.values()]
        for term_id in self._used("categories"):
            pages += self.category_pages(term_id)
        for term_id in self._used("regions"):
            pages += self.region_pages(term_id)
        return pages

    # -- pages -------------------------------------------------------------------------------

    def catalog_pages(self) -> list[PageModel]:
        """The whole catalog, PAGE_SIZE cards a page; its filters and sorts cover every product
        through the facet index (``facets_json``)."""
        products = list(self.catalog.published_products())
        view = self._listing(t(self.lang, "catalog_intro"), products, with_filters=True)
        view = replace(view, sorts=tuple(Option(key, t(self.lang, f"sort_{key}"), 0) for key in SORTS))
        title = t(self.lang, "catalog_title")
        return self._paginated("products/", title, view, [])

    def home_page(self) -> PageModel:
        """The home page's featured products (the first HOME_FEATURED of them in the catalog's
        order) and structured data (its text is in docs/)."""
        featured = self._sorted([p for p in self.catalog.published_products() if p.featured])
        view = self._listing(t(self.lang, "featured_title"), featured[:HOME_FEATURED])
        programme = self.catalog.programme
        title, description = programme.name.show(self.lang).text, programme.description.show(self.lang).text
        social = seo.Social(title, description, self._url(""), None, "website", self._og_locale())
        return PageModel("", "home.html", title, description, view, self._breadcrumb([]), social)

    def cooperatives_pages(self) -> list[PageModel]:
        """Every cooperative, PAGE_SIZE cards a page."""
        cards = tuple(self._cooperative_card(c) for c in self._sorted_cooperatives())
        view = ListingView(t(self.lang, "cooperatives_intro"), (), (), (), cards)
        title = t(self.lang, "cooperatives_title")
        return self._paginated("cooperatives/", title, view, [], of_cooperatives=True)

    def search_page(self) -> PageModel:
        title = t(self.lang, "search_title")
        return PageModel(
            "search/",
            "search.html",
            title,
            t(self.lang, "search_intro"),
            SearchView(
                tuple(self._term_link("categories", i) for i in self._used("categories")), self._desk()
            ),
            self._breadcrumb([(title, "search/")]),
        )

    def product_page(self, product: Product) -> PageModel:
        cooperative = self.catalog.cooperative_of(product)
        renditions = self._renditions(product)
        photos = tuple(
            self._photo(rendition, photo.alt, PRODUCT_SIZES, eager=index == 0)
            for index, (photo, rendition) in enumerate(zip(product.photos, renditions, strict=True))
        )
        path = f"products/{product.slug}/"
        url = self._url(path)
        view = ProductView(
            name=self._text(product.name),
            summary=self._text(product.summary),
            description=self._rich(product.description) if product.description else None,
            own_names=_own_names(product.name),
            photos=photos,
            no_photo=None if photos else self._no_photo(product),
            category=self._term_link("categories", product.category),
            region=self._term_link("regions", product.origin.region) if product.origin.region else None,
            cooperative=self._cooperative_card(cooperative),
            facts=importer_facts(product, cooperative, self.lang, self.day),
            skus=tuple(Option(sku.id, sku_label(sku, self.lang), 0) for sku in product.skus),
            incoterms=tuple(
                Option(term, vocabulary("incoterms")[term].label(self.lang), 0)
                for term in dict.fromkeys(offer.term for offer in product.trade.incoterms)
            ),
            moq=product.trade.moq.quantity if product.trade.moq else None,
            quantity_label=t(
                self.lang, "inquiry_quantity", unit=formatting.unit(product.trade.moq.unit, self.lang)
            )
            if product.trade.moq
            else t(self.lang, "inquiry_quantity_plain"),
            inquiry=inquiry_data(product, cooperative, self.catalog.programme, self.lang),
            qr=seo.qr_svg(url, t(self.lang, "page_qr_alt"), self.qr_cache),
            search=self._search_words(searchwords.product_terms(product, cooperative, self.lang)),
        )
        image = self._absolute_media(renditions[0]) if renditions else None
        data = seo.product_data(
            product, cooperative, self.lang, url, self._url(f"cooperatives/{cooperative.slug}/"), image
        )
        trail = self._breadcrumb([(t(self.lang, "catalog_title"), "products/"), (view.name.text, path)])
        description = _shorten(view.summary.text)
        social = seo.Social(view.name.text, description, url, image, "product", self._og_locale())
        return PageModel(
            f"products/{product.slug}/",
            "product.html",
            view.name.text,
            description,
            view,
            Markup(seo.json_ld_script(data) + trail),
            social,
            preload=photos[0] if photos else None,
        )

    def cooperative_page(self, cooperative: Cooperative) -> PageModel:
        products = self._sorted(self.catalog.products_of(cooperative))
        path = f"cooperatives/{cooperative.slug}/"
        url = self._url(path)
        view = CooperativeView(
            card=self._cooperative_card(cooperative),
            story=self._rich(cooperative.story),
            products=tuple(self._card(product) for product in products),
            certificates=certificate_rows(cooperative.certificates, self.lang, self.day),
            sources=tuple(self._source(source) for source in cooperative.sources),
            last_verified=t(
                self.lang, "last_verified", date=formatting.day(cooperative.last_verified, self.lang)
            )
            if cooperative.last_verified
            else None,
            qr=seo.qr_svg(url, t(self.lang, "page_qr_alt"), self.qr_cache),
            search=self._search_words(
                searchwords.cooperative_terms(cooperative, products, self.lang),
                searchwords.COOPERATIVE_FIELDS,
            ),
        )
        trail = self._breadcrumb(
            [(t(self.lang, "cooperatives_title"), "cooperatives/"), (view.card.name.text, path)]
        )
        description = _shorten(_plain(view.story.text))
        social = seo.Social(view.card.name.text, description, url, None, "website", self._og_locale())
        data = seo.organization_data(cooperative, self.lang, url)
        return PageModel(
            f"cooperatives/{cooperative.slug}/",
            "cooperative.html",
            view.card.name.text,
            description,
            view,
            Markup(seo.json_ld_script(data) + trail),
            social,
        )

    def category_pages(self, term_id: str) -> list[PageModel]:
        label = vocabulary("categories")[term_id].label(self.lang)
        products = [p for p in self.catalog.published_products() if p.category == term_id]
        intro = t(self.lang, "category_intro", label=label)
        title = t(self.lang, "category_title", label=label)
        catalog = [(t(self.lang, "catalog_title"), "products/")]
        url = f"categories/{term_id}/"
        return self._paginated(url, title, self._listing(intro, products), catalog)

    def region_pages(self, term_id: str) -> list[PageModel]:
        label = vocabulary("regions")[term_id].label(self.lang)
        cooperatives = [c for c in self._sorted_cooperatives() if c.region == term_id]
        products = [p for p in self.catalog.published_products() if p.origin.region == term_id]
        intro = t(self.lang, "region_intro", label=label)
        cards = tuple(self._cooperative_card(c) for c in cooperatives)
        view = replace(self._listing(intro, products), cooperatives=cards)
        title = t(self.lang, "region_title", label=label)
        catalog = [(t(self.lang, "catalog_title"), "products/")]
        return self._paginated(f"regions/{term_id}/", title, view, catalog)

    def _paginated(
        self,
        url: str,
        title: str,
        view: ListingView,
        trail: list[tuple[str, str]],
        of_cooperatives: bool = False,
    ) -> list[PageModel]:
        """A listing of products (or ``of_cooperatives``) cut into pages of PAGE_SIZE cards: the
        first at ``url``, the next at <url>page/2/, … Each page links to all the others, and to
        the previous and next one (rel=prev/next); later pages of products show no cooperatives,
        and every later page says its number."""
        count = len(view.cooperatives if of_cooperatives else view.products)
        spans = [(start, start + PAGE_SIZE) for start in range(0, count, PAGE_SIZE)] or [(0, 0)]
        urls = [url] + [f"{url}page/{n}/" for n in range(2, len(spans) + 1)]
        links = tuple(Link(page_url, str(n)) for n, page_url in enumerate(urls, start=1))
        models = []
        for number, ((start, end), page_url) in enumerate(zip(spans, urls, strict=True), start=1):
            pager = None
            if len(urls) > 1:
                previous = urls[number - 2] if number > 1 else None
                pager = Pager(number, links, previous, urls[number] if number < len(urls) else None)
            shown_title = title if number == 1 else t(self.lang, "page_title", title=title, number=number)
            if of_cooperatives:
                page_view = replace(view, cooperatives=view.cooperatives[start:end], pager=pager)
            else:
                page_view = replace(view, products=_first_photos_eager(view.products[start:end]), pager=pager)
                if number > 1:
                    page_view = replace(page_view, cooperatives=())
            models.append(
                PageModel(
                    page_url,
                    "cooperatives.html" if of_cooperatives else "catalog.html",
                    shown_title,
                    view.intro,
                    page_view,
                    self._breadcrumb(
                        [*trail, (title, url), *([(shown_title, page_url)] if number > 1 else [])]
                    ),
                )
            )
        return models

    def facets_json(self) -> str:
        """The whole catalog in this language, compact, for filters and sorts across pages: per
        product its URL, name, cooperative, region, MOQ as shown, filter values and sort keys."""
        entries = []
        for product in self._sorted(list(self.catalog.published_products())):
            card = self._card(product, with_photo=False)
            entries.append(
                {
                    "u": card.url,
                    "n": card.name.text,
                    "c": card.cooperative.text,
                    "r": card.region.label if card.region else "",
                    "m": card.moq or "",
                    "f": card.filters,
                    "s": [
                        self._sort_key(card.name.text),
                        product.last_verified.isoformat(),
                        _moq_key(product),
                    ],
                }
            )
        return json.dumps(entries, ensure_ascii=False, separators=(",", ":"))

    # -- addresses and structured data --------------------------------------------------------

    def _url(self, path: str) -> str:
        return f"{self.site_base}{self.lang}/{path}"

    def _absolute_media(self, rendition: Rendition) -> str:
        largest = rendition.of_type("image/jpeg")[-1]
        return f"{self.site_base}{MEDIA_DIR}/{largest.file}"

    def _breadcrumb(self, trail: list[tuple[str, str]]) -> Markup:
        steps = [(t(self.lang, "nav_home"), self._url(""))] + [
            (name, self._url(path)) for name, path in trail
        ]
        return seo.json_ld_script(seo.breadcrumb_data(steps))

    def _og_locale(self) -> str:
        return language(self.lang).locale.replace("_Hans", "")

    # -- parts -------------------------------------------------------------------------------

    def _listing(self, intro: str, products: list[Product], with_filters: bool = False) -> ListingView:
        cards = tuple(self._card(product) for product in self._sorted(products))
        return ListingView(
            intro=intro,
            products=cards,
            categories=tuple(self._term_link("categories", i) for i in self._used("categories")),
            regions=tuple(self._term_link("regions", i) for i in self._used("regions")),
            filters=self._filters(cards) if with_filters else (),
        )

    def _filters(self, cards: tuple[ProductCard, ...]) -> tuple[FilterGroup, ...]:
        groups = (
            ("category", "filter_category", "categories"),
            ("region", "filter_region", "regions"),
            ("gi", "filter_gi", "geographical_indications"),
            ("certificate", "filter_certificate", "certificate_kinds"),
        )
        result = []
        for key, label, vocabulary_name in groups:
            options = tuple(
                Option(term_id, term.label(self.lang), count)
                for term_id, term in vocabulary(vocabulary_name).items()
                if (count := sum(term_id in card.filters[key].split() for card in cards))
            )
            if options:
                result.append(FilterGroup(key, t(self.lang, label), options))
        return tuple(result)

    def _card(self, product: Product, with_photo: bool = True) -> ProductCard:
        cooperative = self.catalog.cooperative_of(product)
        renditions = self._renditions(product) if with_photo else []
        photo = (
            self._photo(renditions[0], product.photos[0].alt, CARD_SIZES, eager=False) if renditions else None
        )
        moq = product.trade.moq
        first_lead_time = min((lead.days for lead in product.trade.lead_times), default=None)
        certificates = [
            c.kind for i in product.certificates if (c := cooperative.certificate(i)) and c.valid_on(self.day)
        ]
        return ProductCard(
            url=f"products/{product.slug}/",
            name=self._text(product.name),
            summary=self._text(product.summary),
            photo=photo,
            no_photo=None if photo or not with_photo else self._no_photo(product),
            cooperative=self._text(cooperative.name),
            region=self._term_link("regions", product.origin.region) if product.origin.region else None,
            category=self._term_link("categories", product.category),
            # A card says only what the record states: no MOQ line when the MOQ is unknown.
            moq=t(self.lang, "card_moq", value=formatting.quantity(moq.quantity, moq.unit, self.lang))
            if moq
            else None,
            lead_time=t(self.lang, "card_lead_time", days=first_lead_time) if first_lead_time else None,
            filters={
                "category": product.category,
                "region": product.origin.region or "",
                "gi": product.origin.geographical_indication or "",
                "certificate": " ".join(dict.fromkeys(certificates)),
            },
        )

    def _cooperative_card(self, cooperative: Cooperative) -> CooperativeCard:
        lang = self.lang
        contacts = tuple(self._contact(contact) for contact in cooperative.contacts)
        via_desk = None
        if not contacts:  # the programme's export desk answers for it, and the page says so
            contacts = (self._desk(),)
            via_desk = t(lang, "via_desk", desk=contacts[0].name, name=cooperative.name.show(lang).text)
        place = place_line(cooperative.region, cooperative.province, cooperative.commune, lang)
        return CooperativeCard(
            url=f"cooperatives/{cooperative.slug}/",
            name=self._text(cooperative.name),
            own_names=_own_names(cooperative.name),
            region=self._term_link("regions", cooperative.region) if cooperative.region else None,
            place=place[0] if place else None,
            sample=cooperative.sample,
            logo=self._image(cooperative.logo, "logo", cooperative.name.show(lang).text, LOGO_SIZES),
            facts=cooperative_facts(cooperative, lang),
            labels=tuple(
                dict.fromkeys(
                    vocabulary("certificate_kinds")[c.kind].label(lang)
                    for c in cooperative.certificates
                    if c.valid_on(self.day)
                )
            ),
            contacts=contacts,
            via_desk=via_desk,
            website=cooperative.website,
        )

    def _desk(self) -> ContactView:
        desk = self.catalog.programme.export_desk
        name = desk.name.show(self.lang).text
        hours = None
        if desk.hours_beijing:
            days = desk.days.show(self.lang).text if desk.days else ""
            hours = t(self.lang, "desk_hours", days=days, hours=desk.hours_beijing.replace("-", "–")).strip()
        return ContactView(
            name=name,
            role=None,
            languages=tuple(vocabulary("spoken_languages")[code].label(self.lang) for code in desk.languages),
            wechat=desk.wechat,
            wechat_qr=self._image(desk.wechat_qr, "qr", t(self.lang, "wechat_qr_alt", name=name), QR_SIZES),
            email=desk.email,
            phone=desk.phone,
            whatsapp=None,
            hours=hours,
            sample=desk.sample,
        )

    def _source(self, source: RecordSource) -> Link:
        seen = formatting.day(source.seen, self.lang)
        label = t(self.lang, "source_line", title=source.title, date=seen)
        url = source.url or ""
        return Link(url, label)

    def _no_photo(self, product: Product) -> NoPhoto:
        pictogram = vocabulary("categories")[product.category].fact("pictogram") or "jar"
        return NoPhoto(str(pictogram), t(self.lang, "photo_to_come"))

    def _photo(self, rendition: Rendition, alt: Translations, sizes: str, eager: bool) -> PhotoView:
        sources = tuple(
            Source(mime, _srcset(rendition, mime))
            for mime in dict.fromkeys(v.mime for v in rendition.variants)
        )
        fallback = sources[-1]
        largest = rendition.of_type(fallback.mime)[-1]
        return PhotoView(
            alt=self._text(alt),
            sources=sources[:-1],
            src=f"../{MEDIA_DIR}/{largest.file}",
            srcset=fallback.srcset,
            sizes=sizes,
            width=rendition.width,
            height=rendition.height,
            colour=rendition.colour,
            eager=eager,
            placeholder=rendition.placeholder,
        )

    def _image(self, path: Path | None, kind: str, alt: str, sizes: str) -> PhotoView | None:
        if path is None:
            return None
        return self._photo(self.render(path, kind), Translations.of({self.lang: alt}), sizes, eager=False)

    def _contact(self, contact: Contact) -> ContactView:
        return ContactView(
            name=contact.name,
            role=self._text(contact.role) if contact.role else None,
            languages=tuple(
                vocabulary("spoken_languages")[code].label(self.lang) for code in contact.languages
            ),
            wechat=contact.wechat,
            wechat_qr=self._image(
                contact.wechat_qr, "qr", t(self.lang, "wechat_qr_alt", name=contact.name), QR_SIZES
            ),
            email=contact.email,
            phone=contact.phone,
            whatsapp=contact.whatsapp,
        )

    def _term_link(self, vocabulary_name: str, term_id: str) -> Link:
        """A link to a category or region page (callers pass a term the record states)."""
        term = vocabulary(vocabulary_name)[term_id]
        return Link(
            f"{vocabulary_name}/{term_id}/", term.label(self.lang), self._count(vocabulary_name, term_id)
        )

    def _count(self, vocabulary_name: str, term_id: str) -> int:
        counts = self._term_counts.get(vocabulary_name)
        if counts is None:
            products = self.catalog.published_products()
            if vocabulary_name == "categories":
                counts = Counter(p.category for p in products)
            else:
                counts = Counter(p.origin.region for p in products if p.origin.region)  # unknown: not counted
            self._term_counts[vocabulary_name] = counts
        return counts[term_id]

    def _used(self, vocabulary_name: str) -> list[str]:
        """Terms that have at least one product, in vocabulary order."""
        return [i for i in vocabulary(vocabulary_name) if self._count(vocabulary_name, i)]

    def _search_words(
        self,
        terms: tuple[list[str], list[str], list[str]],
        fields: tuple[str, str, str] = searchwords.PRODUCT_FIELDS,
    ) -> SearchWords:
        names, others, mentioned = terms
        return SearchWords(
            searchwords.index_words(names, self.lang),
            searchwords.index_words(others, self.lang),
            searchwords.index_words(mentioned, self.lang),
            fields,
        )

    def _text(self, translations: Translations) -> TextView:
        """The text in the page's language, or a borrowed one with a notice."""
        shown = translations.show(self.lang)
        notice = None
        if shown.is_fallback:
            notice = t(self.lang, "missing_translation", language=language_name(self.lang, shown.lang))
        return TextView(shown.text, html_lang(shown.lang), notice, direction(shown.lang))

    def _rich(self, translations: Translations) -> TextView:
        plain = self._text(translations)
        return TextView(richtext.render(plain.text), plain.html_lang, plain.notice)

    def _renditions(self, product: Product) -> list[Rendition]:
        return [self.render(photo.file, "photo") for photo in product.photos]

    def _sort_key(self, text: str) -> str:
        """Names sort as people of that language expect: Chinese by pinyin (worked out once per
        name: every listing, the facets and each cooperative sort the same names again)."""
        key = self._sort_keys.get(text)
        if key is None:
            key = "".join(lazy_pinyin(text)).lower() if self.lang == "zh" else text.casefold()
            self._sort_keys[text] = key
        return key

    def _sorted(self, products: list[Product]) -> list[Product]:
        return sorted(products, key=lambda p: (not p.featured, self._sort_key(self._text(p.name).text)))

    def _sorted_cooperatives(self) -> list[Cooperative]:
        return sorted(
            self.catalog.cooperatives.values(), key=lambda c: self._sort_key(self._text(c.name).text)
        )


# An MOQ in kilograms or litres, to sort by; pieces and cartons after them, unknown last.
_TO_BASE = {"kg": 1, "g": 0.001, "t": 1000, "l": 1, "ml": 0.001}


def _moq_key(product: Product) -> float | None:
    moq = product.trade.moq
    if moq is None:
        return None
    factor = _TO_BASE.get(moq.unit)
    return float(moq.quantity) * factor if factor is not None else 1e12 + moq.quantity


def _own_names(name: Translations) -> tuple[OwnName, ...]:
    return tuple(OwnName(text, *OWN_SCRIPTS[code]) for code, text in name.own())


def _srcset(rendition: Rendition, mime: str) -> tuple[Candidate, ...]:
    return tuple(Candidate(f"../{MEDIA_DIR}/{v.file}", v.width) for v in rendition.of_type(mime))


def _plain(html: str) -> str:
    return Markup(html).striptags()


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_DESCRIPTION_CHARS:
        return text
    return text[: MAX_DESCRIPTION_CHARS - 1].rstrip() + "…"


def _first_photos_eager(cards: tuple[ProductCard, ...]) -> tuple[ProductCard, ...]:
    return tuple(
        replace(card, photo=replace(card.photo, eager=True)) if index < EAGER_CARDS and card.photo else card
        for index, card in enumerate(cards)
    )
