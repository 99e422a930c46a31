"""Screenshots for people to look at: the home, catalog, product and cooperative pages at phone
and desktop width in the three languages, in test-artifacts/screenshots/ (CI keeps the folder).

Each whole page is taken at CSS scale (one image pixel per CSS pixel) so that a long phone page
stays a readable, reasonably small PNG. The test also checks what a screenshot makes plain: the
page is no wider than the screen (no sideways scrolling on a phone).
"""

from __future__ import annotations

import pytest

from e2e.browser import DEVICES, LOCALES
from e2e.conftest import SCREENSHOTS, Tab

PAGES = {
    "home": "",
    "catalog": "products/",
    "product": "products/argan-oil-culinary/",
    "cooperative": "cooperatives/tifaout-argan/",
}


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("locale", LOCALES)
def test_screenshots_of_the_main_pages(tab: Tab, site_url: str, locale: str, device: str) -> None:
    lang = LOCALES[locale]
    page = tab(locale, device).page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screen_width = DEVICES[device]["viewport"]["width"]
    too_wide = []
    for name, path in PAGES.items():
        page.goto(f"{site_url}/{lang}/{path}")
        # Lazy photos below the fold load now, and are decoded before the picture is taken.
        page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
        page.evaluate("Promise.all([...document.images].map(i => i.decode().catch(() => null)))")
        page.screenshot(path=SCREENSHOTS / f"{name}-{lang}-{device}.png", full_page=True, scale="css")
        # (A phone browser widens its layout to fit what overflows, so innerWidth grows too.)
        if page.evaluate("document.documentElement.scrollWidth") > screen_width:
            too_wide.append(name)
    assert too_wide == [], f"wider than the {device} screen: {too_wide}"
