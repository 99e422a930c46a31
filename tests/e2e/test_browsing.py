"""A buyer browsing: the root sends each browser to its language, the catalog filters, the
language switcher stays on the same product, search finds Chinese words, a missing page answers
in the right language — and no request ever leaves the site."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from e2e.browser import DEVICES, LOCALES
from e2e.conftest import Tab


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("locale", LOCALES)
def test_root_then_catalog_filters_then_product_in_three_languages(
    tab: Tab, site_url: str, locale: str, device: str
) -> None:
    lang = LOCALES[locale]
    page = tab(locale, device).page
    page.goto(site_url + "/")
    page.wait_for_url(f"{site_url}/{lang}/")
    page.click("a.md-button--primary[href$='products/']")  # "all products"
    page.wait_for_url(f"{site_url}/{lang}/products/")
    page.select_option("select[name=category]", "edible-oils")
    page.select_option("select[name=region]", "marrakech-safi")
    assert page.url.endswith("/products/?category=edible-oils&region=marrakech-safi")
    # Filters cover the whole catalog (every listing page): the matches are listed from the
    # facet index in place of the page's cards.
    found = page.locator(".ms-results > li a")
    expect(found).to_have_count(1)
    found.first.click()
    product = f"{site_url}/{lang}/products/argan-oil-culinary/"
    page.wait_for_url(product)
    for other in [code for code in LOCALES.values() if code != lang]:
        href = page.locator(f"a.md-select__link[hreflang^='{other}']").get_attribute("href")
        page.goto(urljoin(page.url, href))
        assert page.url == f"{site_url}/{other}/products/argan-oil-culinary/"
        assert page.evaluate("document.documentElement.lang").startswith(other)
        page.go_back()
        assert page.url == product
    page.go_back()  # back to the filtered catalog, filters kept
    assert page.url.endswith("/products/?category=edible-oils&region=marrakech-safi")
    assert page.input_value("select[name=region]") == "marrakech-safi"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("坚果油", "/zh/products/argan-oil"),
        ("藏红花", "/zh/products/saffron-taliouine/"),
        ("松露", "/zh/products/desert-truffle/"),
    ],
)
def test_chinese_search_finds_products_in_chinese_only(
    tab: Tab, site_url: str, query: str, expected: str
) -> None:
    page = tab("zh-CN", "phone").page
    page.goto(site_url + "/zh/search/")
    page.fill("#ms-search-input", query)
    page.wait_for_selector(".ms-search__results a")
    links = page.eval_on_selector_all(".ms-search__results a", "links => links.map(a => a.pathname)")
    assert any(link.startswith(expected) for link in links), links
    assert all(link.startswith("/zh/") for link in links)


def test_the_word_cooperative_finds_the_cooperatives_after_their_products(tab: Tab, site_url: str) -> None:
    """Products come first (search.js); the cooperatives follow, one "more" step away."""
    page = tab("zh-CN", "phone").page
    page.goto(site_url + "/zh/search/")
    answer = page.evaluate("q => window.miftahSearch(q, 20)", "合作社")
    assert any("/zh/cooperatives/" in url for url in answer["urls"]), answer


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("fr", "safran", "/fr/products/saffron-taliouine/"),
        ("en", "clementines", "/en/products/clementines-berkane/"),
    ],
)
def test_french_and_english_search(tab: Tab, site_url: str, lang: str, query: str, expected: str) -> None:
    page = tab("en-US", "desktop").page
    page.goto(f"{site_url}/{lang}/search/")
    page.fill("#ms-search-input", query)
    page.wait_for_selector(".ms-search__results a")
    links = page.eval_on_selector_all(".ms-search__results a", "links => links.map(a => a.pathname)")
    assert expected in links
    assert all(link.startswith(f"/{lang}/") for link in links)


@pytest.mark.parametrize(
    ("lang", "title"), [("zh", "页面不存在"), ("fr", "Page introuvable"), ("en", "Page not found")]
)
def test_missing_page_answers_in_the_language_of_its_path(
    tab: Tab, site_url: str, lang: str, title: str
) -> None:
    visit = tab("en-US", "phone")
    missing = f"{site_url}/{lang}/products/no-such-product/"
    visit.expect_missing(missing)
    response = visit.page.goto(missing)
    assert response.status == 404
    visible = visit.page.locator("section:not([hidden]) h1").all_inner_texts()
    assert visible == [title]
    assert visit.page.evaluate("document.documentElement.lang").startswith(lang)
