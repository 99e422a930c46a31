"""A buyer on a product page, in a real browser, in each language at phone and desktop width:
photos (AVIF chosen, nothing moves), the inquiry builder, copy buttons and the page's QR code."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from e2e.browser import DEVICES, LOCALES
from e2e.conftest import Tab

ARGAN = "products/argan-oil-culinary/"
SAFFRON = "/zh/products/saffron-taliouine/"

# How each language writes "240 litres" in the composed message.
QUANTITY_LINE = {"zh": "数量：240 升", "fr": "Quantité : 240 L", "en": "Quantity: 240 L"}
COPIED = {"zh": "已复制", "fr": "Copié", "en": "Copied"}


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("locale", LOCALES)
def test_product_page_photos_inquiry_and_wechat(tab: Tab, site_url: str, locale: str, device: str) -> None:
    lang = LOCALES[locale]
    visit = tab(locale, device)
    page = visit.page
    page.goto(f"{site_url}/{lang}/{ARGAN}")

    # Every photo loads, in AVIF where it has an AVIF source (photos do; WeChat QR codes are
    # lossless WebP/PNG), and none moves the page as it arrives.
    images = page.locator("picture img")
    assert images.count() >= 3  # two photos and the WeChat QR code
    for image in images.all():
        image.scroll_into_view_if_needed()
    page.wait_for_function(
        "[...document.querySelectorAll('picture img')].every(i => i.complete && i.naturalWidth > 0)"
    )
    photos = page.eval_on_selector_all(
        "picture:has(source[type='image/avif']) img", "images => images.map(i => i.currentSrc)"
    )
    assert len(photos) >= 2
    assert all(source.endswith(".avif") for source in photos), photos
    assert visit.layout_shift() < 0.01  # width and height on every photo

    # The inquiry builder: the chosen pack size and quantity, in the page's language.
    page.select_option("select[name=sku]", "bottle-500ml")
    sku_label = page.locator("select[name=sku] option:checked").inner_text()
    page.fill("input[name=quantity]", "240")
    message = page.input_value("textarea[name=message]")
    assert sku_label in message
    assert QUANTITY_LINE[lang] in message
    copy = page.locator("[data-inquiry-copy]")
    copy.click()
    expect(copy).to_have_text(COPIED[lang])  # shown once the clipboard has it
    assert page.evaluate("navigator.clipboard.readText()") == message

    # The cooperative's WeChat ID, copied in one tap.
    wechat = page.locator("button[data-copy='sample-tifaout']")
    wechat.click()
    expect(wechat).to_have_text(COPIED[lang])
    assert page.evaluate("navigator.clipboard.readText()") == "sample-tifaout"


def test_chinese_inquiry_carries_a_french_copy_for_the_cooperative(tab: Tab, site_url: str) -> None:
    page = tab("zh-CN", "phone").page
    page.goto(f"{site_url}/zh/{ARGAN}")
    page.select_option("select[name=sku]", "bottle-500ml")
    page.fill("input[name=quantity]", "240")
    page.fill("input[name=port]", "上海港")
    message = page.input_value("textarea[name=message]")
    assert "规格：500毫升 · 500毫升琥珀色玻璃瓶" in message
    assert "数量：240 升" in message
    assert "目的港：上海港" in message
    assert "—— 法语版本（供合作社阅读）——" in message  # the French copy for the cooperative
    assert "Quantité : 240 L" in message
    href = page.get_attribute("[data-inquiry-email]", "href")
    assert href.startswith("mailto:tifaout-argan@example.org?subject=")


def test_page_qr_code_decodes_to_the_page_address(tab: Tab, site_url: str) -> None:
    page = tab("zh-CN", "desktop").page
    page.goto(site_url + SAFFRON)
    png = page.locator("svg.ms-qr__code").screenshot()
    (code,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert code.text == "https://miftah-souk.github.io/catalog/zh/products/saffron-taliouine/"
