"""A buyer on the page of a product whose record leaves facts out (no photo, MOQ, price or
contact: tests/support.remove_known_facts), in a real browser at phone width: the page shows
the gaps as gaps and still offers a working inquiry path — to the programme's export desk."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from e2e.browser import DEVICES, open_page
from miftah.catalog.loading import load_catalog
from support import GAPS_PRODUCT


def test_inquiry_without_contacts_or_moq_reaches_the_export_desk(
    browser: Any, gaps_url: str, gaps_site: Any
) -> None:
    catalog = load_catalog(gaps_site.parent / "records").catalog
    assert catalog is not None
    desk = catalog.programme.export_desk
    visit = open_page(browser, gaps_url, "zh-CN", DEVICES["phone"])
    page = visit.page
    page.goto(f"{gaps_url}/zh/products/{GAPS_PRODUCT}/")
    expect(page.locator(".ms-hero .ms-no-photo")).to_be_visible()
    expect(page.locator(".ms-hero .ms-no-photo")).to_contain_text("产品照片即将补充")
    assert page.input_value("input[name=quantity]") == ""  # no MOQ to pre-fill
    page.fill("input[name=quantity]", "100")
    page.fill("input[name=port]", "上海港")
    message = page.input_value("textarea[name=message]")
    assert "食用阿甘油（摩洛哥坚果油）（提法乌特阿甘油合作社（示例））" in message  # for whom
    assert "数量：100" in message and "目的港：上海港" in message
    href = page.get_attribute("[data-inquiry-email]", "href")
    assert href is not None and href.startswith(f"mailto:{desk.email}?subject=")
    wechat = page.locator(f"button[data-copy='{desk.wechat}']")
    wechat.click()
    assert page.evaluate("navigator.clipboard.readText()") == desk.wechat
    assert visit.problems() == []
    visit.page.context.close()
