"""Filters and sorts on a listing of three pages, in a real browser at phone width: they cover
every product (from the facet index, fetched once), keep their state in the URL, and clearing
them brings back the page as built, with its plain page links."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from e2e.browser import DEVICES, open_page
from support import LONG_COPIES


def test_filter_and_sort_cover_every_page(browser: Any, long_url: str, long_site: Path) -> None:
    entries = json.loads((long_site / "zh" / "products" / "facets.json").read_text("utf-8"))
    carob = [entry for entry in entries if entry["f"]["category"] == "carob"]
    assert len(carob) == LONG_COPIES + 1
    visit = open_page(browser, long_url, "zh-CN", DEVICES["phone"])
    page = visit.page
    page.goto(f"{long_url}/zh/products/")
    expect(page.locator(".ms-pager")).to_be_visible()
    page.select_option("select[name=category]", "carob")
    expect(page.locator(".ms-results > li")).to_have_count(len(carob))
    expect(page.locator(".ms-cards")).to_be_hidden()
    expect(page.locator(".ms-pager")).to_be_hidden()
    assert page.url.endswith("/zh/products/?category=carob")
    page.select_option("select[name=category]", "")
    page.select_option("select[name=sort]", "moq")
    first = page.locator(".ms-results > li a").first
    lowest = min(entries, key=lambda e: (e["s"][2] is None, e["s"][2] or 0))
    expect(first).to_have_text(lowest["n"])
    page.locator("form.ms-filter button[type=reset]").click()
    expect(page.locator(".ms-cards")).to_be_visible()
    expect(page.locator(".ms-results")).to_be_hidden()
    page.goto(f"{long_url}/zh/products/?category=carob")  # a shared link opens filtered
    expect(page.locator(".ms-results > li")).to_have_count(len(carob))
    assert visit.problems() == []
    page.context.close()
