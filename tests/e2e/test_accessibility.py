"""Accessibility checked by axe-core (from npm, injected into the page by Playwright) on the home,
catalog, product and cooperative pages in the three languages at phone width: no serious or
critical violation (colour contrast included), and every image says what it shows in the
page's language. Moderate and minor findings are printed with the test's output."""

from __future__ import annotations

import re

import pytest

from e2e.browser import LOCALES
from e2e.conftest import Tab, npm_tool
from e2e.test_screenshots import PAGES

FAILING_IMPACTS = {"serious", "critical"}
CJK = re.compile(r"[\u3400-\u9fff]")

# Every image: its alt text, and whether a labelled link around it names it already.
IMAGES_SCRIPT = """[...document.images].map(i => ({
  src: i.getAttribute('src'),
  alt: i.getAttribute('alt'),
  labelled: Boolean(i.closest('a[aria-label]')),
}))"""


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("locale", LOCALES)
def test_axe_finds_no_serious_violation(tab: Tab, site_url: str, locale: str, name: str) -> None:
    axe = npm_tool("axe-core/axe.min.js")
    lang = LOCALES[locale]
    page = tab(locale, "phone").page
    page.goto(f"{site_url}/{lang}/{PAGES[name]}")
    page.add_script_tag(path=str(axe))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    failing: list[str] = []
    other: list[str] = []
    for violation in results["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        line = f"{violation['impact']} {violation['id']}: {violation['help']} — {targets[:5]}"
        (failing if violation["impact"] in FAILING_IMPACTS else other).append(line)
    print("\n".join([f"axe on {lang}/{PAGES[name]}:", *other] if other else []))  # noqa: T201
    assert failing == []


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("locale", LOCALES)
def test_images_say_what_they_show_in_the_page_language(
    tab: Tab, site_url: str, locale: str, name: str
) -> None:
    lang = LOCALES[locale]
    page = tab(locale, "phone").page
    page.goto(f"{site_url}/{lang}/{PAGES[name]}")
    images = page.evaluate(IMAGES_SCRIPT)
    assert any(image["alt"] for image in images)
    for image in images:
        alt = image["alt"]
        assert alt is not None, f"no alt on {image['src']}"
        if alt == "":  # decorative: only the logo, inside the link labelled with the site's name
            assert image["labelled"], f"empty alt on {image['src']}"
        elif lang == "zh":
            assert CJK.search(alt), f"alt not in Chinese: {alt!r}"
        else:
            assert not CJK.search(alt), f"alt in Chinese on a {lang} page: {alt!r}"
