"""A buyer on a product page, in a real browser: photos, the inquiry builder, copy buttons and
the page's QR code."""

from __future__ import annotations

import io
from typing import Any

import pytest
import zxingcpp
from PIL import Image

from e2e.browser import DESKTOP, PHONE, open_page

SAFFRON = "/zh/products/saffron-taliouine/"


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_inquiry_builder_composes_the_chosen_sku_and_quantity(
    browser: Any, site_url: str, device: dict[str, Any]
) -> None:
    visit = open_page(browser, site_url, "zh-CN", device)
    page = visit.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(site_url + "/zh/products/argan-oil-culinary/")
    page.select_option("select[name=sku]", "bottle-500ml")
    page.fill("input[name=quantity]", "240")
    page.fill("input[name=port]", "上海港")
    message = page.input_value("textarea[name=message]")
    assert "规格：500毫升 · 500毫升琥珀色玻璃瓶" in message
    assert "数量：240 升" in message
    assert "目的港：上海港" in message
    assert "—— 法语版本（供合作社阅读）——" in message  # the French copy for the cooperative
    assert "Quantité : 240 L" in message
    page.click("[data-inquiry-copy]")
    assert page.evaluate("navigator.clipboard.readText()") == message
    href = page.get_attribute("[data-inquiry-email]", "href")
    assert href.startswith("mailto:tifaout-argan@example.org?subject=")
    assert visit.foreign_requests() == [] and visit.failures == [] and visit.errors == []


def test_wechat_id_copy_button(browser: Any, site_url: str) -> None:
    visit = open_page(browser, site_url, "zh-CN", PHONE)
    page = visit.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(site_url + SAFFRON)
    button = page.locator("button[data-copy='sample-taliouine']")
    assert button.inner_text() == "复制"
    button.click()
    assert button.inner_text() == "已复制"
    assert page.evaluate("navigator.clipboard.readText()") == "sample-taliouine"


def test_page_qr_code_decodes_to_the_page_address(browser: Any, site_url: str) -> None:
    visit = open_page(browser, site_url, "zh-CN", DESKTOP)
    visit.page.goto(site_url + SAFFRON)
    png = visit.page.locator("svg.ms-qr__code").screenshot()
    (code,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert code.text == "https://miftah-souk.github.io/catalog/zh/products/saffron-taliouine/"


def test_every_photo_loads_without_layout_shift(browser: Any, site_url: str) -> None:
    visit = open_page(browser, site_url, "zh-CN", PHONE)
    page = visit.page
    page.add_init_script(
        "window.__shift = 0; new PerformanceObserver(list => list.getEntries().forEach("
        "e => { if (!e.hadRecentInput) window.__shift += e.value; }))"
        ".observe({type: 'layout-shift', buffered: true});"
    )
    page.goto(site_url + SAFFRON)
    for image in page.locator("picture img").all():
        image.scroll_into_view_if_needed()
    page.wait_for_function(
        "[...document.querySelectorAll('picture img')].every(i => i.complete && i.naturalWidth > 0)"
    )
    assert page.evaluate("window.__shift") < 0.01  # width/height on every photo: nothing moves
    assert visit.foreign_requests() == [] and visit.failures == []
