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
