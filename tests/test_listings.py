"""Listings that scale (issue 16): the catalog, category and region pages are cut into pages of
PAGE_SIZE cards with numbered plain links and rel=prev/next, every product stays reachable
without JavaScript, and one compact facet index lets the filters and sorts cover every page."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

from htmlscan import find
from miftah.catalog.loading import load_catalog
from miftah.media import images
from miftah.views import pages
from miftah.views.pages import EAGER_CARDS, PAGE_SIZE
from support import LONG_COPIES as COPIES
from support import copy_sample_records


def _cards(page: Path) -> list[str]:
    return re.findall(r'<a href="[^"]*/(products/[^/"]+/)" class="ms-card__link">', page.read_text("utf-8"))


def test_catalog_pages_hold_page_size_cards_and_every_product(long_site: Path) -> None:
    zh = long_site / "zh" / "products"
    pages = [zh / "index.html", *(zh / "page" / str(n) / "index.html" for n in (2, 3))]
    counts = [len(_cards(page)) for page in pages]
    total = 8 + COPIES  # the sample's eight products and the copies
    assert counts == [PAGE_SIZE, PAGE_SIZE, total - 2 * PAGE_SIZE]
    assert not (zh / "page" / "4").exists()
    reached = {card for page in pages for card in _cards(page)}
    assert len(reached) == total  # each product on exactly one page, none left out


def test_pages_link_to_each_other_plainly(long_site: Path) -> None:
    second = long_site / "fr" / "products" / "page" / "2" / "index.html"
    (prev,) = find(second, "link", rel="prev")
    (following,) = find(second, "link", rel="next")
    assert prev.attrs["href"] == "https://miftah-souk.github.io/catalog/fr/products/"
    assert following.attrs["href"] == "https://miftah-souk.github.io/catalog/fr/products/page/3/"
    numbers = re.search(r'<nav class="ms-pager".*?</nav>', second.read_text("utf-8"), re.S)
    assert numbers
    assert re.findall(r">(\d+)<", numbers.group(0)) == ["1", "2", "3"]
    assert '<span aria-current="page">2</span>' in numbers.group(0)
    (title,) = re.findall(r"<title>(.*?)</title>", second.read_text("utf-8"))
    assert title.startswith("Catalogue des produits (page 2)")
    first = long_site / "fr" / "products" / "index.html"
    assert not find(first, "link", rel="prev") and find(first, "link", rel="next")


def test_category_listing_is_paginated_too(long_site: Path) -> None:
    carob = long_site / "en" / "categories" / "carob"
    assert len(_cards(carob / "index.html")) == PAGE_SIZE
    assert (carob / "page" / "3" / "index.html").is_file()


def test_facet_index_lists_every_product_with_its_sort_keys(long_site: Path) -> None:
    zh = long_site / "zh" / "products"
    entries = json.loads((zh / "facets.json").read_text("utf-8"))
    listed = {card for page in [zh / "index.html", *zh.glob("page/*/index.html")] for card in _cards(page)}
    assert [entry["u"] for entry in entries] == sorted(listed, key=[e["u"] for e in entries].index)
    assert {entry["u"] for entry in entries} == listed
    carob = next(entry for entry in entries if entry["u"] == "products/carob-powder-00/")
    assert carob["f"]["category"] == "carob" and carob["m"].startswith("起订量")
    _name, checked, moq = carob["s"]
    assert checked == "2026-09-30"  # the record's last_verified: "newest" sorts on it
    assert isinstance(moq, float)
    assert len((zh / "facets.json").read_bytes()) < 400 * len(entries)  # compact: a few hundred bytes each


def test_the_first_cards_of_each_page_load_their_photo_at_once(long_site: Path) -> None:
    """A lazy photo in a phone's first screen was the catalog page's largest paint (LCP)."""
    for page in (
        long_site / "zh" / "products" / "index.html",
        long_site / "en" / "products" / "page" / "2" / "index.html",
    ):
        images = re.findall(r'<li class="ms-card.*?<img [^>]*>', page.read_text("utf-8"), re.S)
        loading = ["eager" if 'fetchpriority="high"' in image else "lazy" for image in images]
        assert loading[: EAGER_CARDS + 1] == ["eager"] * EAGER_CARDS + ["lazy"], page
        assert loading.count("eager") == EAGER_CARDS


def test_the_cooperatives_listing_is_paginated_and_the_home_page_capped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 3,000 products the cooperatives' page was 800 KB and the home page, which showed every
    featured product, 2.6 MB: both are bounded now, whatever the catalog's size."""
    records = copy_sample_records(tmp_path / "records")
    catalog = load_catalog(records).catalog
    assert catalog is not None
    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    monkeypatch.setattr(pages, "HOME_FEATURED", 1)
    cache = tmp_path / "cache"
    maker = pages.PageMaker(
        catalog,
        "en",
        lambda path, kind: images.render_photo(path, cache, kind),
        "https://example.org/",
        datetime.date(2026, 11, 29),
        tmp_path / "qr",
    )
    models = maker.cooperatives_pages()
    views = [model.view for model in models]
    assert all(isinstance(view, pages.ListingView) for view in views)
    listing = [view for view in views if isinstance(view, pages.ListingView)]
    count = len(catalog.cooperatives)
    assert [model.url for model in models] == ["cooperatives/"] + [
        f"cooperatives/page/{n}/" for n in range(2, (count + 1) // 2 + 1)
    ]
    shown = [card for view in listing for card in view.cooperatives]
    assert len(shown) == count and all(len(view.cooperatives) <= 2 for view in listing)
    assert listing[1].pager is not None and listing[1].pager.previous == "cooperatives/"
    featured = [product for product in catalog.published_products() if product.featured]
    assert len(featured) > 1
    home = maker.home_page().view
    assert isinstance(home, pages.ListingView) and len(home.products) == 1
