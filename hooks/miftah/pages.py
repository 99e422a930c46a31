"""Page models: for each page and language, what the page shows, ready to print.

Nothing here writes HTML (only the sanitised Markdown of ``richtext``); templates loop over
these views and print them. URLs are relative to the language root (``products/<slug>/``), so
the same models serve every language and any deployment path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from miftah import richtext
from miftah.i18n import language_name, t
from miftah.images import MEDIA_DIR, Rendition
from miftah.languages import language
from miftah.records import Catalog, Contact, Cooperative, Product, Translations
from miftah.taxonomy import vocabulary

PRODUCT_SIZES = "(min-width: 76.25em) 720px, (min-width: 60em) 60vw, 100vw"
CARD_SIZES = "(min-width: 60em) 300px, (min-width: 30em) 45vw, 100vw"
MAX_DESCRIPTION_CHARS = 160  # what search engines show of a meta description


@dataclass(frozen=True)
class TextView:
    """A record text in one page language: the words, and a notice when they were borrowed."""

    text: str
    html_lang: str
    notice: str | None  # e.g. 暂无中文翻译 when the text is in another language


@dataclass(frozen=True)
class Source:
    mime: str
    srcset: str


@dataclass(frozen=True)
class PhotoView:
    alt: TextView
    sources: tuple[Source, ...]  # modern formats, for <source> elements
    src: str  # the universal fallback, for <img>
    srcset: str
    sizes: str
    width: int
    height: int
    colour: str
    eager: bool  # the first visible photo loads at once; the others lazily


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
    email: str | None
    phone: str | None
    whatsapp: str | None


@dataclass(frozen=True)
class CooperativeCard:
    url: str
    name: TextView
    region: Link
    sample: bool
    contacts: tuple[ContactView, ...]


@dataclass(frozen=True)
class ProductCard:
    url: str
    name: TextView
    summary: TextView
    photo: PhotoView | None
    cooperative: TextView
    region: Link
    category: Link


@dataclass(frozen=True)
class ProductView:
    name: TextView
    summary: TextView
    description: TextView
    photos: tuple[PhotoView, ...]
    category: Link
    region: Link
    cooperative: CooperativeCard


@dataclass(frozen=True)
class CooperativeView:
    card: CooperativeCard
    story: TextView
    products: tuple[ProductCard, ...]


@dataclass(frozen=True)
class ListingView:
    """A list of products: the catalog, a category, a region, the home page's featured ones."""

    intro: str
    products: tuple[ProductCard, ...]
    categories: tuple[Link, ...]
    regions: tuple[Link, ...]
    cooperatives: tuple[CooperativeCard, ...] = ()


@dataclass(frozen=True)
class PageModel:
    path: str  # source path relative to the language root, e.g. "products/argan-oil.md"
    template: str
    title: str
    description: str
    view: object


PhotoLookup = Callable[[Product], list[Rendition]]


class PageMaker:
    """Builds the models of every catalog page in one language."""

    def __init__(self, catalog: Catalog, lang: str, renditions: PhotoLookup) -> None:
        self.catalog = catalog
        self.lang = lang
        self.renditions = renditions

    def all_pages(self) -> list[PageModel]:
        pages = [self.catalog_page(), self.cooperatives_page(), self.search_page()]
        pages += [self.product_page(product) for product in self.catalog.published_products()]
        pages += [self.cooperative_page(coop) for coop in self.catalog.cooperatives.values()]
        pages += [self.category_page(term_id) for term_id in self._used("categories")]
        pages += [self.region_page(term_id) for term_id in self._used("regions")]
        return pages

    # -- pages -------------------------------------------------------------------------------

    def catalog_page(self) -> PageModel:
        view = self._listing(t(self.lang, "catalog_intro"), list(self.catalog.published_products()))
        return PageModel(
            "products/index.md",
            "catalog.html",
            t(self.lang, "catalog_title"),
            t(self.lang, "catalog_intro"),
            view,
        )

    def home_view(self) -> ListingView:
        featured = [p for p in self.catalog.published_products() if p.featured]
        return self._listing(t(self.lang, "featured_title"), featured)

    def cooperatives_page(self) -> PageModel:
        cards = tuple(self._cooperative_card(c) for c in self._sorted_cooperatives())
        view = ListingView(t(self.lang, "cooperatives_intro"), (), (), (), cards)
        return PageModel(
            "cooperatives/index.md",
            "cooperatives.html",
            t(self.lang, "cooperatives_title"),
            t(self.lang, "cooperatives_intro"),
            view,
        )

    def search_page(self) -> PageModel:
        return PageModel(
            "search.md", "search.html", t(self.lang, "search_title"), t(self.lang, "search_intro"), None
        )

    def product_page(self, product: Product) -> PageModel:
        cooperative = self.catalog.cooperative_of(product)
        renditions = self.renditions(product)
        photos = tuple(
            self._photo(rendition, photo.alt, PRODUCT_SIZES, eager=index == 0)
            for index, (photo, rendition) in enumerate(zip(product.photos, renditions, strict=True))
        )
        view = ProductView(
            name=self._text(product.name),
            summary=self._text(product.summary),
            description=self._rich(product.description),
            photos=photos,
            category=self._term_link("categories", product.category),
            region=self._term_link("regions", product.region),
            cooperative=self._cooperative_card(cooperative),
        )
        return PageModel(
            f"products/{product.slug}.md", "product.html", view.name.text, _shorten(view.summary.text), view
        )

    def cooperative_page(self, cooperative: Cooperative) -> PageModel:
        products = self._sorted(self.catalog.products_of(cooperative))
        view = CooperativeView(
            card=self._cooperative_card(cooperative),
            story=self._rich(cooperative.story),
            products=tuple(self._card(product) for product in products),
        )
        return PageModel(
            f"cooperatives/{cooperative.slug}.md",
            "cooperative.html",
            view.card.name.text,
            _shorten(_plain(view.story.text)),
            view,
        )

    def category_page(self, term_id: str) -> PageModel:
        label = vocabulary("categories")[term_id].label(self.lang)
        products = [p for p in self.catalog.published_products() if p.category == term_id]
        intro = t(self.lang, "category_intro", label=label)
        return PageModel(
            f"categories/{term_id}.md",
            "catalog.html",
            t(self.lang, "category_title", label=label),
            intro,
            self._listing(intro, products),
        )

    def region_page(self, term_id: str) -> PageModel:
        label = vocabulary("regions")[term_id].label(self.lang)
        cooperatives = [c for c in self._sorted_cooperatives() if c.region == term_id]
        products = [p for p in self.catalog.published_products() if p.region == term_id]
        intro = t(self.lang, "region_intro", label=label)
        listing = self._listing(intro, products)
        cards = tuple(self._cooperative_card(c) for c in cooperatives)
        view = ListingView(intro, listing.products, listing.categories, listing.regions, cards)
        return PageModel(
            f"regions/{term_id}.md", "catalog.html", t(self.lang, "region_title", label=label), intro, view
        )

    # -- parts -------------------------------------------------------------------------------

    def _listing(self, intro: str, products: list[Product]) -> ListingView:
        cards = tuple(self._card(product) for product in self._sorted(products))
        return ListingView(
            intro=intro,
            products=cards,
            categories=tuple(self._term_link("categories", i) for i in self._used("categories")),
            regions=tuple(self._term_link("regions", i) for i in self._used("regions")),
        )

    def _card(self, product: Product) -> ProductCard:
        cooperative = self.catalog.cooperative_of(product)
        renditions = self.renditions(product)
        photo = (
            self._photo(renditions[0], product.photos[0].alt, CARD_SIZES, eager=False) if renditions else None
        )
        return ProductCard(
            url=f"products/{product.slug}/",
            name=self._text(product.name),
            summary=self._text(product.summary),
            photo=photo,
            cooperative=self._text(cooperative.name),
            region=self._term_link("regions", product.region),
            category=self._term_link("categories", product.category),
        )

    def _cooperative_card(self, cooperative: Cooperative) -> CooperativeCard:
        return CooperativeCard(
            url=f"cooperatives/{cooperative.slug}/",
            name=self._text(cooperative.name),
            region=self._term_link("regions", cooperative.region),
            sample=cooperative.sample,
            contacts=tuple(self._contact(contact) for contact in cooperative.contacts),
        )

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
        )

    def _contact(self, contact: Contact) -> ContactView:
        return ContactView(
            name=contact.name,
            role=self._text(contact.role) if contact.role else None,
            languages=tuple(
                vocabulary("spoken_languages")[code].label(self.lang) for code in contact.languages
            ),
            wechat=contact.wechat,
            email=contact.email,
            phone=contact.phone,
            whatsapp=contact.whatsapp,
        )

    def _term_link(self, vocabulary_name: str, term_id: str) -> Link:
        term = vocabulary(vocabulary_name)[term_id]
        return Link(
            f"{vocabulary_name}/{term_id}/", term.label(self.lang), self._count(vocabulary_name, term_id)
        )

    def _count(self, vocabulary_name: str, term_id: str) -> int:
        products = self.catalog.published_products()
        if vocabulary_name == "categories":
            return sum(p.category == term_id for p in products)
        return sum(p.region == term_id for p in products)

    def _used(self, vocabulary_name: str) -> list[str]:
        """Terms that have at least one product, in vocabulary order."""
        return [i for i in vocabulary(vocabulary_name) if self._count(vocabulary_name, i)]

    def _text(self, translations: Translations) -> TextView:
        shown = translations.show(self.lang)
        notice = None
        if shown.is_fallback:
            notice = t(self.lang, "missing_translation", language=language_name(self.lang, shown.lang))
        return TextView(shown.text, language(shown.lang).html_lang, notice)

    def _rich(self, translations: Translations) -> TextView:
        plain = self._text(translations)
        return TextView(richtext.render(plain.text), plain.html_lang, plain.notice)

    def _sorted(self, products: list[Product]) -> list[Product]:
        return sorted(products, key=lambda p: (not p.featured, self._text(p.name).text))

    def _sorted_cooperatives(self) -> list[Cooperative]:
        return sorted(self.catalog.cooperatives.values(), key=lambda c: self._text(c.name).text)


def _srcset(rendition: Rendition, mime: str) -> str:
    return ", ".join(f"../{MEDIA_DIR}/{v.file} {v.width}w" for v in rendition.of_type(mime))


def _plain(html: str) -> str:
    return Markup(html).striptags()


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_DESCRIPTION_CHARS:
        return text
    return text[: MAX_DESCRIPTION_CHARS - 1].rstrip() + "…"
