"""No page is wider than a phone (390 px): every built page of the sample catalog, of the same
catalog with its gaps (no photo, no contact, no MOQ…) and of the real-world test catalog, in
the three languages. A phone
browser widens its layout to fit what overflows, so scrollWidth is what a buyer would scroll."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from e2e.browser import DEVICES, PHONE, open_page
from miftah.languages import CODES

WIDTH = PHONE["viewport"]["width"]


def _pages(site: Path) -> list[str]:
    return sorted(
        f"{index.parent.relative_to(site).as_posix()}/"
        for code in CODES
        for index in (site / code).rglob("index.html")
        if "assets" not in index.parts and "pagefind" not in index.parts
    )


def _too_wide(browser: Any, url: str, site: Path) -> list[str]:
    visit = open_page(browser, url, "zh-CN", DEVICES["phone"])
    wide = []
    pages = _pages(site)
    assert len(pages) > 30
    for path in pages:
        visit.page.goto(f"{url}/{path}")
        width = visit.page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            wide.append(f"{path} ({width} px)")
    problems = visit.problems()
    visit.page.context.close()
    return wide + problems


@pytest.mark.parametrize("catalog", ["sample", "gaps", "realworld"])
def test_no_page_is_wider_than_a_phone(browser: Any, catalog: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(f"{catalog}_site")
    url: str = request.getfixturevalue("site_url" if catalog == "sample" else f"{catalog}_url")
    assert _too_wide(browser, url, site) == []


# (phone width, device pixels per CSS pixel) → the photo widths a card and a product's first
# photo should load: the smallest that fills the slot (pages.CARD_SIZES, PRODUCT_SIZES), with
# screens denser than 2.5 served as if they were 2.5.
RENDITIONS = {
    (412, 1.75): (320, 960),  # Lighthouse's phone: a card is 182 px, 318 device pixels
    (360, 2): (320, 960),
    (390, 3): (480, 960),  # not 480 and 1440: 171 and 358 px at 2.5
}


@pytest.mark.parametrize(("width", "density"), RENDITIONS)
def test_a_phone_loads_the_smallest_photos_that_fill_their_place(
    browser: Any, site_url: str, width: int, density: float
) -> None:
    screen = {**PHONE, "viewport": {"width": width, "height": 800}, "device_scale_factor": density}
    visit = open_page(browser, site_url, "zh-CN", screen)
    loaded = []
    for path, image in (
        ("zh/products/", ".ms-card img"),
        ("zh/products/argan-oil-culinary/", ".ms-hero img"),
    ):
        visit.page.goto(f"{site_url}/{path}")
        source = visit.page.eval_on_selector(image, "i => i.decode().then(() => i.currentSrc)")
        loaded.append(int(source.rsplit("-", 1)[1].split(".")[0]))
    visit.page.context.close()
    assert tuple(loaded) == RENDITIONS[(width, density)]
