"""A buyer browsing: the root sends each browser to its language, the catalog filters, the
language switcher stays on the same product, search finds Chinese words, a missing page answers
in the right language — and no request ever leaves the site."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

import pytest

from e2e.browser import DESKTOP, PHONE, Visit, open_page

LOCALES = {"zh-CN": "zh", "fr-FR": "fr", "en-US": "en"}


def assert_clean(visit: Visit) -> None:
    assert visit.foreign_requests() == []
    assert visit.failures == []
    assert visit.errors == []


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("locale", LOCALES)
def test_root_then_catalog_filters_then_product_in_three_languages(
    browser: Any, site_url: str, locale: str, device: dict[str, Any]
) -> None:
    lang = LOCALES[locale]
    visit = open_page(browser, site_url, locale, device)
    page = visit.page
    page.goto(site_url + "/")
    page.wait_for_url(f"{site_url}/{lang}/")
    page.goto(f"{site_url}/{lang}/products/")
    page.select_option("select[name=category]", "edible-oils")
    page.select_option("select[name=region]", "marrakech-safi")
    assert page.url.endswith("/products/?category=edible-oils&region=marrakech-safi")
    visible = page.locator(".ms-cards > li:not([hidden]) a.ms-card__link")
    assert visible.count() == 1
    visible.first.click()
    page.wait_for_url(f"{site_url}/{lang}/products/argan-oil-culinary/")
    for other in [code for code in LOCALES.values() if code != lang]:
        href = page.locator(f"a.md-select__link[hreflang^='{other}']").get_attribute("href")
        page.goto(urljoin(page.url, href))
        assert page.url == f"{site_url}/{other}/products/argan-oil-culinary/"
        page.go_back()
    assert page.url == f"{site_url}/{lang}/products/argan-oil-culinary/"
    assert_clean(visit)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("坚果油", "/zh/products/argan-oil"),
        ("藏红花", "/zh/products/saffron-taliouine/"),
        ("合作社", "/zh/cooperatives/"),
        ("松露", "/zh/products/desert-truffle/"),
    ],
)
def test_chinese_search_finds_products_in_chinese_only(
    browser: Any, site_url: str, query: str, expected: str
) -> None:
    visit = open_page(browser, site_url, "zh-CN", PHONE)
    page = visit.page
    page.goto(site_url + "/zh/search/")
    page.fill(".pagefind-ui__search-input", query)
    page.wait_for_selector(".pagefind-ui__result-link")
    links = page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => a.pathname)")
    assert any(link.startswith(expected) for link in links), links
    assert all(link.startswith("/zh/") for link in links)
    assert_clean(visit)


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("fr", "safran", "/fr/products/saffron-taliouine/"),
        ("en", "clementines", "/en/products/clementines-berkane/"),
    ],
)
def test_french_and_english_search(browser: Any, site_url: str, lang: str, query: str, expected: str) -> None:
    visit = open_page(browser, site_url, "en-US", DESKTOP)
    page = visit.page
    page.goto(f"{site_url}/{lang}/search/")
    page.fill(".pagefind-ui__search-input", query)
    page.wait_for_selector(".pagefind-ui__result-link")
    links = page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => a.pathname)")
    assert expected in links
    assert all(link.startswith(f"/{lang}/") for link in links)


@pytest.mark.parametrize(
    ("lang", "title"), [("zh", "页面不存在"), ("fr", "Page introuvable"), ("en", "Page not found")]
)
def test_missing_page_answers_in_the_language_of_its_path(
    browser: Any, site_url: str, lang: str, title: str
) -> None:
    visit = open_page(browser, site_url, "en-US", PHONE)
    response = visit.page.goto(f"{site_url}/{lang}/products/no-such-product/")
    assert response.status == 404
    visible = visit.page.locator("section:not([hidden]) h1").all_inner_texts()
    assert visible == [title]
    assert visit.page.evaluate("document.documentElement.lang").startswith(lang)
